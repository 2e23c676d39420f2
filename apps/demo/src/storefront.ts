// The storefront page's own script: the site navigation, the shop's styles and its words in the page's
// language (the URL's `lang`). Its KPI widgets come from the elements' one-file build (a <script>
// tag after this one) and read with the publishable key the server fills in; this script runs
// first, so they start in the page's language.
import type { Locale } from "@kpikit/elements";
import { LANGUAGES, pageLocale, type Words } from "./locale.js";
import "./nav.js";
import "./styles.css";
import "./storefront.css";

type Word =
  | "title"
  | "shopAll"
  | "ourPromise"
  | "language"
  | "cart"
  | "eyebrow"
  | "heroTitle"
  | "heroLead"
  | "heroCta"
  | "productsTitle"
  | "mug"
  | "bowl"
  | "plate"
  | "vase"
  | "promiseTitle"
  | "promiseLead"
  | "trustLabel"
  | "shipping"
  | "returns"
  | "secure"
  | "handmade"
  | "footer";

const WORDS: Words<Word> = {
  en: {
    title: "Aurora Ceramics — handmade stoneware",
    shopAll: "Shop all",
    ourPromise: "Our promise",
    language: "Language",
    cart: "Cart, 0 items",
    eyebrow: "New: the Aurora glaze",
    heroTitle: "Stoneware made slowly, for every day",
    heroLead: "Wheel-thrown in our Lisbon studio, glazed by hand and fired twice. Each piece is a little different.",
    heroCta: "Shop the collection",
    productsTitle: "Bestsellers",
    mug: "Aurora mug, 350 ml",
    bowl: "Tide bowl, 16 cm",
    plate: "Dune plate, 26 cm",
    vase: "Moss bud vase",
    promiseTitle: "Our promise, in numbers",
    promiseLead: "Live from our order desk over the last 90 days: what our customers say and how we deliver.",
    trustLabel: "Why shop with us",
    shipping: "Free shipping over $60",
    returns: "30-day returns, no questions",
    secure: "Secure checkout",
    handmade: "Handmade in small batches",
    footer: "Aurora Ceramics is a demo shop: its figures are KPI Kit's demo data.",
  },
  ru: {
    title: "Aurora Ceramics — керамика ручной работы",
    shopAll: "Весь каталог",
    ourPromise: "Наше обещание",
    language: "Язык",
    cart: "Корзина, товаров: 0",
    eyebrow: "Новинка: глазурь «Аврора»",
    heroTitle: "Керамика, сделанная без спешки, — на каждый день",
    heroLead:
      "Сделано на гончарном круге в нашей лиссабонской мастерской, покрыто глазурью вручную и обожжено дважды. " +
      "Каждое изделие немного отличается.",
    heroCta: "Смотреть коллекцию",
    productsTitle: "Хиты продаж",
    mug: "Кружка «Аврора», 350 мл",
    bowl: "Миска «Прилив», 16 см",
    plate: "Тарелка «Дюна», 26 см",
    vase: "Вазочка «Мох»",
    promiseTitle: "Наше обещание в цифрах",
    promiseLead: "Данные нашего отдела заказов за последние 90 дней: что говорят покупатели и как мы доставляем.",
    trustLabel: "Почему покупают у нас",
    shipping: "Бесплатная доставка от $60",
    returns: "Возврат в течение 30 дней без вопросов",
    secure: "Безопасная оплата",
    handmade: "Ручная работа, небольшими партиями",
    footer: "Aurora Ceramics — демонстрационный магазин: его цифры — демо-данные KPI Kit.",
  },
  ms: {
    title: "Aurora Ceramics — tembikar buatan tangan",
    shopAll: "Semua produk",
    ourPromise: "Janji kami",
    language: "Bahasa",
    cart: "Troli, 0 item",
    eyebrow: "Baharu: sepuh Aurora",
    heroTitle: "Tembikar dibuat perlahan-lahan, untuk setiap hari",
    heroLead:
      "Dibentuk di atas roda di studio kami di Lisbon, disepuh dengan tangan dan dibakar dua kali. " +
      "Setiap satunya sedikit berbeza.",
    heroCta: "Lihat koleksi",
    productsTitle: "Paling laris",
    mug: "Mug Aurora, 350 ml",
    bowl: "Mangkuk Tide, 16 cm",
    plate: "Pinggan Dune, 26 cm",
    vase: "Pasu kecil Moss",
    promiseTitle: "Janji kami, dalam angka",
    promiseLead: "Terus dari meja pesanan kami bagi 90 hari lalu: apa kata pelanggan dan bagaimana kami menghantar.",
    trustLabel: "Mengapa membeli dengan kami",
    shipping: "Penghantaran percuma melebihi $60",
    returns: "Pemulangan 30 hari, tanpa soal",
    secure: "Pembayaran selamat",
    handmade: "Buatan tangan dalam kelompok kecil",
    footer: "Aurora Ceramics ialah kedai demo: angkanya ialah data demo KPI Kit.",
  },
  "zh-Hans": {
    title: "Aurora Ceramics — 手工炻器",
    shopAll: "全部商品",
    ourPromise: "我们的承诺",
    language: "语言",
    cart: "购物车，0 件商品",
    eyebrow: "新品：极光釉",
    heroTitle: "慢工细作的炻器，伴你每一天",
    heroLead: "在我们的里斯本工作室拉坯成型，手工上釉，两次烧制。每一件都略有不同。",
    heroCta: "选购系列",
    productsTitle: "热销商品",
    mug: "极光马克杯，350 毫升",
    bowl: "潮汐碗，16 厘米",
    plate: "沙丘餐盘，26 厘米",
    vase: "苔藓小花瓶",
    promiseTitle: "用数字说话的承诺",
    promiseLead: "来自我们订单部门最近 90 天的实时数据：顾客的评价与我们的配送表现。",
    trustLabel: "为什么选择我们",
    shipping: "满 $60 免运费",
    returns: "30 天无理由退货",
    secure: "安全结账",
    handmade: "小批量手工制作",
    footer: "Aurora Ceramics 是演示商店：其数据为 KPI Kit 的演示数据。",
  },
  "zh-Hant": {
    title: "Aurora Ceramics — 手工石器",
    shopAll: "全部商品",
    ourPromise: "我們的承諾",
    language: "語言",
    cart: "購物車，0 件商品",
    eyebrow: "新品：極光釉",
    heroTitle: "慢工細作的石器，陪你每一天",
    heroLead: "在我們的里斯本工作室拉坯成形，手工上釉，兩次燒製。每一件都略有不同。",
    heroCta: "選購系列",
    productsTitle: "熱銷商品",
    mug: "極光馬克杯，350 毫升",
    bowl: "潮汐碗，16 公分",
    plate: "沙丘餐盤，26 公分",
    vase: "苔蘚小花瓶",
    promiseTitle: "用數字說話的承諾",
    promiseLead: "來自我們訂單部門最近 90 天的即時數據：顧客的評價與我們的配送表現。",
    trustLabel: "為什麼選擇我們",
    shipping: "滿 $60 免運費",
    returns: "30 天無理由退貨",
    secure: "安全結帳",
    handmade: "小量手工製作",
    footer: "Aurora Ceramics 是示範商店：其數據為 KPI Kit 的示範數據。",
  },
};

function translate(locale: Locale): void {
  const words = WORDS[locale];
  document.documentElement.lang = locale;
  document.title = words.title;
  for (const el of document.querySelectorAll<HTMLElement>("[data-word]"))
    el.textContent = words[el.dataset.word as Word];
  for (const el of document.querySelectorAll<HTMLElement>("[data-word-label]")) {
    el.setAttribute("aria-label", words[el.dataset.wordLabel as Word]);
  }
}

const locale = pageLocale();
translate(locale);
// The provider's locale too, so that the widgets' words and numbers match the shop's.
document.getElementById("storefront")?.setAttribute("locale", locale);

const select = document.getElementById("locale") as HTMLSelectElement;
for (const [value, name] of LANGUAGES) select.add(new Option(name, value, false, value === locale));
// A shop's language is a page of its own: the URL names it, and a change loads it.
select.addEventListener("change", () => {
  const url = new URL(location.href);
  url.searchParams.set("lang", select.value);
  location.assign(url);
});
