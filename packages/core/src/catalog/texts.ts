// Localized texts of the built-in catalog. Labels take a seed article's own wording where the
// seed names the KPI in that language (seeds: 000/001 ru, 002 ms, 003 zh-Hans, 004 zh-Hant).
import type { LocaleTexts } from "../definitions/units.js";
import { inLocales } from "../i18n/in-locales.js";
import { dimensionWords } from "../i18n/locales/en.js";

/** Label and one-sentence description of every built-in KPI, in the five locales. */
export const kpiTexts: Record<string, { label: LocaleTexts; description: LocaleTexts }> = {
  // Sales
  revenue: {
    label: { en: "Total sales", ru: "Выручка", ms: "Jualan keseluruhan", "zh-Hans": "销售额", "zh-Hant": "銷售額" },
    description: {
      en: "Sum of the totals of orders not cancelled.",
      ru: "Сумма итогов всех заказов, кроме отмененных.",
      ms: "Jumlah nilai semua pesanan yang tidak dibatalkan.",
      "zh-Hans": "未取消订单的订单总额之和。",
      "zh-Hant": "未取消訂單的訂單總額之和。",
    },
  },
  orders: {
    label: {
      en: "Order volume",
      ru: "Количество заказов",
      ms: "Bilangan pesanan",
      "zh-Hans": "订单量",
      "zh-Hant": "訂單量",
    },
    description: {
      en: "Number of orders placed in the period, cancelled orders excluded.",
      ru: "Число заказов за период без учета отмененных.",
      ms: "Bilangan pesanan dalam tempoh itu, tidak termasuk pesanan yang dibatalkan.",
      "zh-Hans": "本期未取消的订单数。",
      "zh-Hant": "本期未取消的訂單數。",
    },
  },
  cogs: {
    label: {
      en: "Cost of goods sold",
      ru: "Себестоимость продаж",
      ms: "Kos barang dijual (COGS)",
      "zh-Hans": "销售成本",
      "zh-Hant": "銷售成本",
    },
    description: {
      en: "Sum of the cost of goods of orders not cancelled.",
      ru: "Сумма себестоимости товаров в заказах, кроме отмененных.",
      ms: "Jumlah kos barang bagi pesanan yang tidak dibatalkan.",
      "zh-Hans": "未取消订单的商品成本之和。",
      "zh-Hant": "未取消訂單的商品成本之和。",
    },
  },
  gross_profit: {
    label: { en: "Gross profit", ru: "Валовая прибыль", ms: "Untung kasar", "zh-Hans": "毛利润", "zh-Hant": "毛利潤" },
    description: {
      en: "Total sales minus cost of goods sold.",
      ru: "Выручка минус себестоимость продаж.",
      ms: "Jumlah jualan tolak kos barang dijual.",
      "zh-Hans": "销售额减去销售成本。",
      "zh-Hant": "銷售額減去銷售成本。",
    },
  },
  gross_margin: {
    label: {
      en: "Average profit margin",
      ru: "Средняя валовая маржа",
      ms: "Purata margin keuntungan",
      "zh-Hans": "平均毛利率",
      "zh-Hant": "平均毛利率",
    },
    description: {
      en: "Gross profit divided by total sales.",
      ru: "Валовая прибыль, деленная на выручку.",
      ms: "Untung kasar dibahagikan dengan jumlah jualan.",
      "zh-Hans": "毛利润除以销售额。",
      "zh-Hant": "毛利潤除以銷售額。",
    },
  },
  net_profit: {
    label: { en: "Net profit", ru: "Чистая прибыль", ms: "Untung bersih", "zh-Hans": "净利润", "zh-Hant": "淨利潤" },
    description: {
      en: "Total sales minus cost of goods sold and tax.",
      ru: "Выручка минус себестоимость продаж и налоги.",
      ms: "Jumlah jualan tolak kos barang dijual dan cukai.",
      "zh-Hans": "销售额减去销售成本和税费。",
      "zh-Hant": "銷售額減去銷售成本與稅費。",
    },
  },
  net_profit_margin: {
    label: {
      en: "Net profit margin",
      ru: "Маржа чистой прибыли",
      ms: "Margin untung bersih",
      "zh-Hans": "净利率",
      "zh-Hant": "淨利率",
    },
    description: {
      en: "Net profit divided by total sales.",
      ru: "Чистая прибыль, деленная на выручку.",
      ms: "Untung bersih dibahagikan dengan jumlah jualan.",
      "zh-Hans": "净利润除以销售额。",
      "zh-Hant": "淨利潤除以銷售額。",
    },
  },
  aov: {
    label: {
      en: "Average order value",
      ru: "Средний чек (AOV)",
      ms: "Nilai pesanan purata (AOV)",
      "zh-Hans": "平均订单价值",
      "zh-Hant": "平均訂單價值",
    },
    description: {
      en: "Total sales divided by the number of orders.",
      ru: "Выручка, деленная на число заказов.",
      ms: "Jumlah jualan dibahagikan dengan bilangan pesanan.",
      "zh-Hans": "销售额除以订单数。",
      "zh-Hant": "銷售額除以訂單數。",
    },
  },
  avg_order_size: {
    label: {
      en: "Average order size (basket)",
      ru: "Средний размер заказа",
      ms: "Saiz pesanan purata",
      "zh-Hans": "平均订单件数",
      "zh-Hant": "平均訂單件數",
    },
    description: {
      en: "Number of items sold divided by the number of orders.",
      ru: "Число проданных товаров, деленное на число заказов.",
      ms: "Bilangan item yang dijual dibahagikan dengan bilangan pesanan.",
      "zh-Hans": "售出商品件数除以订单数。",
      "zh-Hant": "售出商品件數除以訂單數。",
    },
  },
  purchase_frequency: {
    label: {
      en: "Purchase frequency",
      ru: "Частота покупок",
      ms: "Kekerapan pembelian",
      "zh-Hans": "购买频次",
      "zh-Hant": "購買頻次",
    },
    description: {
      en: "Number of orders divided by the number of distinct customers who ordered.",
      ru: "Число заказов, деленное на число разных клиентов, сделавших заказ.",
      ms: "Bilangan pesanan dibahagikan dengan bilangan pelanggan berbeza yang membuat pesanan.",
      "zh-Hans": "订单数除以下单的去重客户数。",
      "zh-Hant": "訂單數除以下單的不重複客戶數。",
    },
  },
  sales_target_attainment: {
    label: {
      en: "Sales target attainment",
      ru: "Выполнение плана продаж",
      ms: "Pencapaian sasaran jualan",
      "zh-Hans": "销售额达成率",
      "zh-Hant": "銷售額達成率",
    },
    description: {
      en: "Total sales divided by the sales target for the period.",
      ru: "Выручка, деленная на план продаж за период.",
      ms: "Jumlah jualan dibahagikan dengan sasaran jualan bagi tempoh itu.",
      "zh-Hans": "销售额除以本期销售目标。",
      "zh-Hant": "銷售額除以本期銷售目標。",
    },
  },
  sales_growth: {
    label: {
      en: "Sales growth",
      ru: "Рост продаж",
      ms: "Pertumbuhan jualan",
      "zh-Hans": "销售额增长率",
      "zh-Hant": "銷售額增長率",
    },
    description: {
      en: "Change in total sales against the previous period, divided by the previous period's total sales.",
      ru: "Изменение выручки к предыдущему периоду, деленное на выручку предыдущего периода.",
      ms: "Perubahan jumlah jualan berbanding tempoh sebelumnya, dibahagikan dengan jumlah jualan tempoh sebelumnya.",
      "zh-Hans": "销售额较上期的变化除以上期销售额。",
      "zh-Hant": "銷售額較上期的變化除以上期銷售額。",
    },
  },
  new_customers: {
    label: {
      en: "New customers",
      ru: "Новые клиенты",
      ms: "Pelanggan baharu",
      "zh-Hans": "新增客户数",
      "zh-Hant": "新增客戶數",
    },
    description: {
      en: "Number of customers whose first order falls in the period.",
      ru: "Число клиентов, чей первый заказ пришелся на период.",
      ms: "Bilangan pelanggan yang pesanan pertamanya berada dalam tempoh itu.",
      "zh-Hans": "首次下单发生在本期的客户数。",
      "zh-Hant": "首次下單發生在本期的客戶數。",
    },
  },
  repeat_purchase_rate: {
    label: {
      en: "Repeat purchase rate",
      ru: "Коэффициент повторных покупок",
      ms: "Kadar pembelian berulang",
      "zh-Hans": "复购率",
      "zh-Hant": "回購率",
    },
    description: {
      en: "Customers with two or more orders in the period divided by customers with at least one.",
      ru: "Клиенты с двумя и более заказами за период, деленные на клиентов хотя бы с одним заказом.",
      ms:
        "Pelanggan dengan dua pesanan atau lebih dalam tempoh itu dibahagikan dengan pelanggan yang mempunyai " +
        "sekurang-kurangnya satu.",
      "zh-Hans": "本期下单两次及以上的客户数除以至少下单一次的客户数。",
      "zh-Hant": "本期下單兩次及以上的客戶數除以至少下單一次的客戶數。",
    },
  },
  customer_retention_rate: {
    label: {
      en: "Customer retention rate",
      ru: "Коэффициент удержания клиентов",
      ms: "Kadar pengekalan pelanggan",
      "zh-Hans": "客户留存率",
      "zh-Hant": "客戶留存率",
    },
    description: {
      en:
        "(E − N) / S: customers active at the period's end less new ones, per customer active at its start; " +
        "returning customers count. Active: last order within 365 days.",
      ru:
        "(E − N) / S: активные на конец периода минус новые, на одного активного на начало; вернувшиеся " +
        "учитываются. Активен: последний заказ не старше 365 дней.",
      ms:
        "(E − N) / S: pelanggan aktif pada akhir tempoh tolak yang baharu, bagi setiap pelanggan aktif pada " +
        "awalnya; yang kembali dikira. Aktif: pesanan terakhir dalam 365 hari.",
      "zh-Hans":
        "(E − N) / S：期末活跃客户减去本期新客户，除以期初活跃客户；回流客户计入。活跃：最近一次下单在 365 天内。",
      "zh-Hant":
        "(E − N) / S：期末活躍客戶減去本期新客戶，除以期初活躍客戶；回流客戶計入。活躍：最近一次下單在 365 天內。",
    },
  },
  churn_rate: {
    label: {
      en: "Customer churn rate",
      ru: "Коэффициент оттока клиентов",
      ms: "Kadar churn pelanggan",
      "zh-Hans": "客户流失率",
      "zh-Hant": "客戶流失率",
    },
    description: {
      en: "Share of customers active at the start of the period who are no longer active at its end.",
      ru: "Доля клиентов, активных на начало периода, которые перестали быть активными к его концу.",
      ms: "Peratusan pelanggan aktif pada awal tempoh yang tidak lagi aktif pada akhirnya.",
      "zh-Hans": "期初活跃客户中到期末已不再活跃的比例。",
      "zh-Hant": "期初活躍客戶中到期末已不再活躍的比例。",
    },
  },
  clv: {
    label: {
      en: "Customer lifetime value",
      ru: "Пожизненная ценность клиента",
      ms: "Nilai seumur hidup pelanggan",
      "zh-Hans": "客户终身价值（CLV）",
      "zh-Hant": "客戶終身價值（CLV）",
    },
    description: {
      en: "Average order value × purchases per customer per year × expected lifetime in years (1 / annual churn rate).",
      ru: "Средний чек × число покупок клиента в год × ожидаемый срок жизни клиента в годах (1 / годовой отток).",
      ms:
        "Nilai pesanan purata × pembelian setiap pelanggan setahun × jangka hayat pelanggan dalam tahun (1 / kadar " +
        "churn tahunan).",
      "zh-Hans": "平均订单价值 × 每位客户每年购买次数 × 预期客户生命周期年数（1 / 年流失率）。",
      "zh-Hant": "平均訂單價值 × 每位客戶每年購買次數 × 預期客戶生命週期年數（1 / 年流失率）。",
    },
  },
  add_to_cart_rate: {
    label: {
      en: "Add-to-cart rate",
      ru: "Конверсия в корзину",
      ms: "Kadar tambah ke troli",
      "zh-Hans": "加购率",
      "zh-Hant": "加入購物車率",
    },
    description: {
      en: "Sessions with an add-to-cart divided by all sessions.",
      ru: "Сеансы с добавлением товара в корзину, деленные на все сеансы.",
      ms: "Sesi dengan item ditambah ke troli dibahagikan dengan semua sesi.",
      "zh-Hans": "有加购行为的会话数除以全部会话数。",
      "zh-Hant": "有加入購物車行為的工作階段數除以全部工作階段數。",
    },
  },
  cart_abandonment_rate: {
    label: {
      en: "Cart abandonment rate",
      ru: "Доля брошенных корзин",
      ms: "Kadar pengabaian troli",
      "zh-Hans": "购物车放弃率",
      "zh-Hant": "購物車放棄率",
    },
    description: {
      en: "Share of carts (sessions with an add-to-cart) that did not complete checkout.",
      ru: "Доля корзин (сеансов с добавлением в корзину), которые не завершились оформлением заказа.",
      ms: "Peratusan troli (sesi dengan item ditambah ke troli) yang tidak menyelesaikan pembayaran.",
      "zh-Hans": "购物车（有加购行为的会话）中未完成结账的比例。",
      "zh-Hant": "購物車（有加入購物車行為的工作階段）中未完成結帳的比例。",
    },
  },
  conversion_rate: {
    label: {
      en: "Conversion rate",
      ru: "Коэффициент конверсии",
      ms: "Kadar penukaran",
      "zh-Hans": "转化率",
      "zh-Hant": "轉換率",
    },
    description: {
      en: "Converting sessions divided by all sessions.",
      ru: "Сеансы с конверсией, деленные на все сеансы.",
      ms: "Sesi yang membuat penukaran dibahagikan dengan semua sesi.",
      "zh-Hans": "发生转化的会话数除以全部会话数。",
      "zh-Hant": "發生轉換的工作階段數除以全部工作階段數。",
    },
  },
  return_rate: {
    label: {
      en: "Return / exchange rate",
      ru: "Доля возвратов и обменов",
      ms: "Kadar pemulangan & pertukaran",
      "zh-Hans": "退换货率",
      "zh-Hant": "退換貨率",
    },
    description: {
      en: "Orders placed in the period that were returned or exchanged, divided by orders placed in the period.",
      ru: "Заказы за период, по которым был возврат или обмен, деленные на все заказы за период.",
      ms: "Pesanan dalam tempoh itu yang dipulangkan atau ditukar, dibahagikan dengan semua pesanan dalam tempoh itu.",
      "zh-Hans": "本期下单且发生退换货的订单数除以本期订单数。",
      "zh-Hant": "本期下單且發生退換貨的訂單數除以本期訂單數。",
    },
  },

  // Marketing
  cac: {
    label: {
      en: "Customer acquisition cost",
      ru: "Стоимость привлечения клиента",
      ms: "Kos perolehan pelanggan (CAC)",
      "zh-Hans": "获客成本（CAC）",
      "zh-Hant": "獲客成本（CAC）",
    },
    description: {
      en: "Ad spend on customer acquisition divided by the number of new customers.",
      ru: "Расходы на рекламу для привлечения клиентов, деленные на число новых клиентов.",
      ms: "Perbelanjaan iklan untuk memperoleh pelanggan dibahagikan dengan bilangan pelanggan baharu.",
      "zh-Hans": "用于获客的广告支出除以新增客户数。",
      "zh-Hant": "用於獲客的廣告支出除以新增客戶數。",
    },
  },
  roas: {
    label: {
      en: "Return on ad spend",
      ru: "Окупаемость рекламы (ROAS)",
      ms: "Pulangan belanja iklan (ROAS)",
      "zh-Hans": "广告支出回报率（ROAS）",
      "zh-Hant": "廣告投資報酬率（ROAS）",
    },
    description: {
      en: "Revenue attributed to ads divided by ad spend.",
      ru: "Выручка, приписанная рекламе, деленная на расходы на рекламу.",
      ms: "Hasil jualan yang dikaitkan dengan iklan dibahagikan dengan perbelanjaan iklan.",
      "zh-Hans": "归因于广告的收入除以广告支出。",
      "zh-Hant": "歸因於廣告的收入除以廣告支出。",
    },
  },
  ctr: {
    label: {
      en: "Click-through rate",
      ru: "Кликабельность (CTR)",
      ms: "Kadar klik (CTR)",
      "zh-Hans": "广告点击率",
      "zh-Hant": "廣告點擊率",
    },
    description: {
      en: "Ad clicks divided by ad impressions.",
      ru: "Клики по рекламе, деленные на показы рекламы.",
      ms: "Klik iklan dibahagikan dengan tera iklan.",
      "zh-Hans": "广告点击数除以广告展示数。",
      "zh-Hant": "廣告點擊數除以廣告曝光數。",
    },
  },
  visitors: {
    label: {
      en: "Website traffic",
      ru: "Посещаемость сайта",
      ms: "Trafik laman web",
      "zh-Hans": "网站访客数",
      "zh-Hant": "網站訪客數",
    },
    description: {
      en: "Number of distinct visitors, split into new and returning.",
      ru: "Число уникальных посетителей с разбивкой на новых и вернувшихся.",
      ms: "Bilangan pelawat unik, dipecahkan kepada pelawat baharu dan pelawat kembali.",
      "zh-Hans": "去重访客数，按新访客和回访客拆分。",
      "zh-Hant": "不重複訪客數，依新訪客與回訪客拆分。",
    },
  },
  sessions: {
    label: { en: "Sessions", ru: "Сеансы", ms: "Sesi", "zh-Hans": "会话数", "zh-Hant": "工作階段數" },
    description: {
      en: "Number of sessions, split by traffic source.",
      ru: "Число сеансов с разбивкой по источникам трафика.",
      ms: "Bilangan sesi, dipecahkan mengikut punca trafik.",
      "zh-Hans": "会话数，按流量来源拆分。",
      "zh-Hant": "工作階段數，依流量來源拆分。",
    },
  },
  avg_session_duration: {
    label: {
      en: "Average time on site",
      ru: "Среднее время на сайте",
      ms: "Purata masa di tapak",
      "zh-Hans": "平均停留时长",
      "zh-Hant": "平均停留時間",
    },
    description: {
      en: "Total session duration divided by the number of sessions.",
      ru: "Суммарная длительность сеансов, деленная на число сеансов.",
      ms: "Jumlah tempoh sesi dibahagikan dengan bilangan sesi.",
      "zh-Hans": "会话总时长除以会话数。",
      "zh-Hant": "工作階段總時長除以工作階段數。",
    },
  },
  pages_per_session: {
    label: {
      en: "Pages per visit",
      ru: "Глубина просмотра",
      ms: "Paparan halaman setiap lawatan",
      "zh-Hans": "每次访问页数",
      "zh-Hant": "每次造訪頁數",
    },
    description: {
      en: "Page views divided by the number of sessions.",
      ru: "Число просмотров страниц, деленное на число сеансов.",
      ms: "Bilangan paparan halaman dibahagikan dengan bilangan sesi.",
      "zh-Hans": "页面浏览量除以会话数。",
      "zh-Hant": "網頁瀏覽量除以工作階段數。",
    },
  },
  bounce_rate: {
    label: {
      en: "Bounce rate",
      ru: "Показатель отказов",
      ms: "Kadar lantunan",
      "zh-Hans": "跳出率",
      "zh-Hant": "跳出率",
    },
    description: {
      en: "Sessions with a single page view and no action, divided by all sessions.",
      ru: "Сеансы с одним просмотром страницы и без действий, деленные на все сеансы.",
      ms: "Sesi dengan satu paparan halaman tanpa sebarang tindakan, dibahagikan dengan semua sesi.",
      "zh-Hans": "仅浏览一个页面且无任何操作的会话数除以全部会话数。",
      "zh-Hant": "僅瀏覽一個網頁且無任何操作的工作階段數除以全部工作階段數。",
    },
  },
  campaign_revenue: {
    label: {
      en: "Marketing campaign effect",
      ru: "Выручка от рекламных кампаний",
      ms: "Hasil kempen pemasaran",
      "zh-Hans": "营销活动效果",
      "zh-Hant": "行銷活動成效",
    },
    description: {
      en: "Revenue attributed to marketing campaigns, split by campaign.",
      ru: "Выручка, приписанная маркетинговым кампаниям, с разбивкой по кампаниям.",
      ms: "Hasil jualan yang dikaitkan dengan kempen pemasaran, dipecahkan mengikut kempen.",
      "zh-Hans": "归因于营销活动的收入，按活动拆分。",
      "zh-Hant": "歸因於行銷活動的收入，依活動拆分。",
    },
  },

  // Customer service
  csat: {
    label: {
      en: "Customer satisfaction score",
      ru: "Удовлетворенность клиентов",
      ms: "Kepuasan pelanggan (CSAT)",
      "zh-Hans": "客户满意度",
      "zh-Hant": "客戶滿意度",
    },
    description: {
      en: "Mean score of customer satisfaction surveys on a 1–5 scale.",
      ru: "Средняя оценка в опросах удовлетворенности клиентов по шкале от 1 до 5.",
      ms: "Purata skor tinjauan kepuasan pelanggan pada skala 1 hingga 5.",
      "zh-Hans": "客户满意度调查的平均得分（1–5 分）。",
      "zh-Hant": "客戶滿意度調查的平均得分（1–5 分）。",
    },
  },
  csat_positive_rate: {
    label: {
      en: "CSAT, share positive",
      ru: "Доля положительных оценок CSAT",
      ms: "Kadar CSAT positif",
      "zh-Hans": "CSAT 好评率",
      "zh-Hant": "CSAT 好評率",
    },
    description: {
      en: "Satisfaction surveys scored 4 or 5 divided by all satisfaction surveys.",
      ru: "Опросы удовлетворенности с оценкой 4 или 5, деленные на все такие опросы.",
      ms: "Tinjauan kepuasan dengan skor 4 atau 5 dibahagikan dengan semua tinjauan kepuasan.",
      "zh-Hans": "评分为 4 或 5 分的满意度调查数除以全部满意度调查数。",
      "zh-Hant": "評分為 4 或 5 分的滿意度調查數除以全部滿意度調查數。",
    },
  },
  nps: {
    label: {
      en: "Net promoter score",
      ru: "Индекс готовности рекомендовать",
      ms: "Skor Promoter Bersih (NPS)",
      "zh-Hans": "净推荐值（NPS）",
      "zh-Hant": "淨推薦值（NPS）",
    },
    description: {
      en: "Share of promoters (scores 9–10) minus share of detractors (0–6), times 100.",
      ru: "Доля промоутеров (оценки 9–10) минус доля критиков (0–6), умноженная на 100.",
      ms: "Peratusan promoter (skor 9–10) tolak peratusan pengkritik (0–6), didarab dengan 100.",
      "zh-Hans": "推荐者（9–10 分）占比减去贬损者（0–6 分）占比，再乘以 100。",
      "zh-Hant": "推薦者（9–10 分）佔比減去貶損者（0–6 分）佔比，再乘以 100。",
    },
  },
  tickets: {
    label: {
      en: "Customer service count",
      ru: "Количество обращений",
      ms: "Bilangan pertanyaan pelanggan",
      "zh-Hans": "客服接待量",
      "zh-Hant": "客服接待量",
    },
    description: {
      en: "Number of customer service requests, split by channel.",
      ru: "Число обращений в службу поддержки с разбивкой по каналам.",
      ms: "Bilangan pertanyaan khidmat pelanggan, dipecahkan mengikut saluran.",
      "zh-Hans": "客服请求数量，按渠道拆分。",
      "zh-Hant": "客服請求數量，依管道拆分。",
    },
  },
  email_tickets: {
    label: {
      en: "Emails",
      ru: "Количество email-писем",
      ms: "E-mel",
      "zh-Hans": "邮件咨询量",
      "zh-Hant": "郵件諮詢量",
    },
    description: {
      en: "Number of customer service requests received by email.",
      ru: "Число обращений в поддержку, поступивших по электронной почте.",
      ms: "Bilangan pertanyaan khidmat pelanggan yang diterima melalui e-mel.",
      "zh-Hans": "通过邮件收到的客服请求数。",
      "zh-Hant": "透過電子郵件收到的客服請求數。",
    },
  },
  call_tickets: {
    label: { en: "Calls", ru: "Количество звонков", ms: "Panggilan", "zh-Hans": "电话咨询量", "zh-Hant": "電話諮詢量" },
    description: {
      en: "Number of customer service requests received by phone.",
      ru: "Число обращений в поддержку, поступивших по телефону.",
      ms: "Bilangan pertanyaan khidmat pelanggan yang diterima melalui telefon.",
      "zh-Hans": "通过电话收到的客服请求数。",
      "zh-Hant": "透過電話收到的客服請求數。",
    },
  },
  chat_tickets: {
    label: { en: "Chats", ru: "Количество чатов", ms: "Sembang", "zh-Hans": "在线咨询量", "zh-Hant": "線上諮詢量" },
    description: {
      en: "Number of customer service requests received by chat.",
      ru: "Число обращений в поддержку, поступивших через чат.",
      ms: "Bilangan pertanyaan khidmat pelanggan yang diterima melalui sembang.",
      "zh-Hans": "通过在线聊天收到的客服请求数。",
      "zh-Hant": "透過線上聊天收到的客服請求數。",
    },
  },
  first_response_time: {
    label: {
      en: "First response time",
      ru: "Время первого ответа",
      ms: "Masa respons pertama",
      "zh-Hans": "首次响应时间",
      "zh-Hant": "首次回應時間",
    },
    description: {
      en: "Mean time from a request's creation to its first response.",
      ru: "Среднее время от создания обращения до первого ответа на него.",
      ms: "Purata masa dari pertanyaan dibuat hingga respons pertama.",
      "zh-Hans": "从请求创建到首次回复的平均时长。",
      "zh-Hant": "從請求建立到首次回覆的平均時長。",
    },
  },
  avg_resolution_time: {
    label: {
      en: "Average resolution time",
      ru: "Среднее время разрешения",
      ms: "Purata masa resolusi",
      "zh-Hans": "平均解决时长",
      "zh-Hant": "平均解決時長",
    },
    description: {
      en: "Mean time from creation to resolution of the requests resolved in the period.",
      ru: "Среднее время от создания до решения обращений, решенных за период.",
      ms: "Purata masa dari pertanyaan dibuat hingga diselesaikan, bagi pertanyaan yang diselesaikan dalam tempoh itu.",
      "zh-Hans": "本期已解决请求从创建到解决的平均时长。",
      "zh-Hant": "本期已解決請求從建立到解決的平均時長。",
    },
  },
  active_tickets: {
    label: {
      en: "Active requests",
      ru: "Активные запросы",
      ms: "Isu aktif",
      "zh-Hans": "处理中工单",
      "zh-Hant": "處理中工單",
    },
    description: {
      en: "Requests created and not yet resolved at the end of the period.",
      ru: "Обращения, созданные и еще не решенные на конец периода.",
      ms: "Pertanyaan yang telah dibuat tetapi belum diselesaikan pada akhir tempoh.",
      "zh-Hans": "期末已创建但尚未解决的请求数。",
      "zh-Hant": "期末已建立但尚未解決的請求數。",
    },
  },
  queued_tickets: {
    label: {
      en: "Request queue",
      ru: "Очередь запросов",
      ms: "Pertanyaan dalam giliran",
      "zh-Hans": "排队工单",
      "zh-Hant": "排隊工單",
    },
    description: {
      en: "Unresolved requests not yet assigned to an agent at the end of the period.",
      ru: "Нерешенные обращения, еще не назначенные сотруднику, на конец периода.",
      ms: "Pertanyaan belum selesai yang belum diserahkan kepada ejen pada akhir tempoh.",
      "zh-Hans": "期末尚未解决且尚未分配给客服的请求数。",
      "zh-Hant": "期末尚未解決且尚未指派給客服人員的請求數。",
    },
  },
  ticket_categories: {
    label: {
      en: "Request classification",
      ru: "Классификация запросов",
      ms: "Klasifikasi pertanyaan",
      "zh-Hans": "工单分类",
      "zh-Hant": "工單分類",
    },
    description: {
      en: "Number of customer service requests, split by category.",
      ru: "Число обращений в поддержку с разбивкой по категориям.",
      ms: "Bilangan pertanyaan khidmat pelanggan, dipecahkan mengikut kategori.",
      "zh-Hans": "客服请求数量，按类别拆分。",
      "zh-Hant": "客服請求數量，依類別拆分。",
    },
  },
  escalation_rate: {
    label: {
      en: "Escalation rate",
      ru: "Уровень эскалации",
      ms: "Kadar eskalasi",
      "zh-Hans": "工单升级率",
      "zh-Hant": "工單升級率",
    },
    description: {
      en: "Escalated requests divided by all requests.",
      ru: "Эскалированные обращения, деленные на все обращения.",
      ms: "Pertanyaan yang dieskalasi dibahagikan dengan semua pertanyaan.",
      "zh-Hans": "被升级的请求数除以全部请求数。",
      "zh-Hant": "被升級的請求數除以全部請求數。",
    },
  },
  hit_rate: {
    label: {
      en: "Hit rate (sales per support contact)",
      ru: "Коэффициент попадания",
      ms: "Kadar hit",
      "zh-Hans": "咨询命中率",
      "zh-Hant": "諮詢命中率",
    },
    description: {
      en: "Units sold divided by the number of distinct customers who contacted support about the product.",
      ru: "Число проданных единиц товара, деленное на число разных клиентов, обратившихся в поддержку по этому товару.",
      ms:
        "Unit produk yang dijual dibahagikan dengan bilangan pelanggan berbeza yang menghubungi sokongan tentang " +
        "produk itu.",
      "zh-Hans": "商品售出件数除以就该商品联系过客服的去重客户数。",
      "zh-Hant": "商品售出件數除以就該商品聯絡過客服的不重複客戶數。",
    },
  },
  complaint_rate: {
    label: { en: "Complaint rate", ru: "Доля жалоб", ms: "Kadar aduan", "zh-Hans": "投诉率", "zh-Hant": "投訴率" },
    description: {
      en: "Requests marked as complaints divided by the number of orders.",
      ru: "Обращения, отмеченные как жалобы, деленные на число заказов.",
      ms: "Pertanyaan yang ditanda sebagai aduan dibahagikan dengan bilangan pesanan.",
      "zh-Hans": "标记为投诉的请求数除以订单数。",
      "zh-Hant": "標記為投訴的請求數除以訂單數。",
    },
  },

  // After-sales
  on_time_delivery: {
    label: {
      en: "On-time delivery (OTD)",
      ru: "Своевременная доставка (OTD)",
      ms: "Penghantaran tepat masa (OTD)",
      "zh-Hans": "准时交付（OTD）",
      "zh-Hant": "準時交付（OTD）",
    },
    description: {
      en: "Orders delivered on or before the promised date, divided by orders delivered.",
      ru: "Заказы, доставленные не позже обещанной даты, деленные на доставленные заказы.",
      ms: "Pesanan yang sampai pada atau sebelum tarikh dijanjikan, dibahagikan dengan pesanan yang sampai.",
      "zh-Hans": "在承诺日期当天或之前送达的订单数除以已送达订单数。",
      "zh-Hant": "在承諾日期當天或之前送達的訂單數除以已送達訂單數。",
    },
  },
  parts_hit_rate: {
    label: {
      en: "Parts availability hit rate",
      ru: "Доступность запчастей",
      ms: "Kadar ketersediaan alat ganti",
      "zh-Hans": "零件命中率",
      "zh-Hant": "零件命中率",
    },
    description: {
      en: "Part requests served from the ideal location, on time and without extra cost, divided by all part requests.",
      ru:
        "Запросы запчастей, выполненные из нужного места, вовремя и без лишних затрат, деленные на все запросы " +
        "запчастей.",
      ms:
        "Permintaan alat ganti yang dipenuhi dari lokasi ideal, tepat masa dan tanpa kos tambahan, dibahagikan " +
        "dengan semua permintaan alat ganti.",
      "zh-Hans": "从理想地点按时且无额外成本供应的零件请求数除以全部零件请求数。",
      "zh-Hant": "從理想地點準時且無額外成本供應的零件請求數除以全部零件請求數。",
    },
  },
  dsr_description: {
    label: {
      en: "DSR: item as described",
      ru: "DSR: соответствие описанию",
      ms: "DSR: ketepatan penerangan",
      "zh-Hans": "DSR：商品描述",
      "zh-Hant": "DSR：商品描述",
    },
    description: {
      en: "Mean buyer rating (1–5) of how well items match their description.",
      ru: "Средняя оценка покупателей (1–5) соответствия товара описанию.",
      ms: "Purata penilaian pembeli (1–5) tentang sejauh mana barang menepati penerangannya.",
      "zh-Hans": "买家对商品与描述相符程度的平均评分（1–5 分）。",
      "zh-Hant": "買家對商品與描述相符程度的平均評分（1–5 分）。",
    },
  },
  dsr_service: {
    label: {
      en: "DSR: service",
      ru: "DSR: обслуживание",
      ms: "DSR: perkhidmatan",
      "zh-Hans": "DSR：服务",
      "zh-Hant": "DSR：服務",
    },
    description: {
      en: "Mean buyer rating (1–5) of the seller's service.",
      ru: "Средняя оценка покупателей (1–5) обслуживания продавцом.",
      ms: "Purata penilaian pembeli (1–5) tentang perkhidmatan penjual.",
      "zh-Hans": "买家对卖家服务的平均评分（1–5 分）。",
      "zh-Hant": "買家對賣家服務的平均評分（1–5 分）。",
    },
  },
  dsr_shipping: {
    label: {
      en: "DSR: shipping speed",
      ru: "DSR: скорость отправки",
      ms: "DSR: kelajuan penghantaran",
      "zh-Hans": "DSR：发货速度",
      "zh-Hant": "DSR：發貨速度",
    },
    description: {
      en: "Mean buyer rating (1–5) of shipping speed.",
      ru: "Средняя оценка покупателей (1–5) скорости отправки.",
      ms: "Purata penilaian pembeli (1–5) tentang kelajuan penghantaran.",
      "zh-Hans": "买家对发货速度的平均评分（1–5 分）。",
      "zh-Hant": "買家對發貨速度的平均評分（1–5 分）。",
    },
  },
  after_sales_score: {
    label: {
      en: "After-sales experience score",
      ru: "Оценка послепродажного сервиса",
      ms: "Skor pengalaman selepas jualan",
      "zh-Hans": "售后体验分",
      "zh-Hant": "售後體驗分",
    },
    description: {
      en: "Mean score (1–5) of after-sales experience surveys.",
      ru: "Средняя оценка (1–5) в опросах о послепродажном обслуживании.",
      ms: "Purata skor (1–5) tinjauan pengalaman selepas jualan.",
      "zh-Hans": "售后体验调查的平均得分（1–5 分）。",
      "zh-Hant": "售後體驗調查的平均得分（1–5 分）。",
    },
  },
  refund_rate: {
    label: {
      en: "Refund rate",
      ru: "Доля возвратов средств",
      ms: "Kadar bayaran balik",
      "zh-Hans": "退款率",
      "zh-Hant": "退款率",
    },
    description: {
      en: "Refunds requested in the period divided by orders placed in the period.",
      ru: "Запросы на возврат средств за период, деленные на заказы за период.",
      ms: "Permintaan bayaran balik dalam tempoh itu dibahagikan dengan pesanan dalam tempoh itu.",
      "zh-Hans": "本期发起的退款数除以本期订单数。",
      "zh-Hant": "本期發起的退款數除以本期訂單數。",
    },
  },
  refund_dispute_rate: {
    label: {
      en: "Refund dispute rate",
      ru: "Доля споров по возвратам",
      ms: "Kadar pertikaian bayaran balik",
      "zh-Hans": "退款纠纷率",
      "zh-Hant": "退款糾紛率",
    },
    description: {
      en: "Refunds with platform intervention divided by orders paid, over the last 28 days.",
      ru: "Возвраты с вмешательством платформы, деленные на оплаченные заказы, за последние 28 дней.",
      ms:
        "Bayaran balik yang melibatkan campur tangan platform dibahagikan dengan pesanan berbayar, dalam 28 hari " +
        "terakhir.",
      "zh-Hans": "近 28 天平台介入的退款数除以支付成交订单数。",
      "zh-Hant": "近 28 天平台介入的退款數除以支付成交訂單數。",
    },
  },
  refund_self_completion_rate: {
    label: {
      en: "Refund self-completion rate",
      ru: "Возвраты, закрытые продавцом",
      ms: "Kadar bayaran balik oleh penjual",
      "zh-Hans": "退款自主完结率",
      "zh-Hant": "退款自主完結率",
    },
    description: {
      en: "Refunds completed by the merchant itself divided by all refunds completed, over the last 28 days.",
      ru: "Возвраты, завершенные самим продавцом, деленные на все завершенные возвраты, за последние 28 дней.",
      ms:
        "Bayaran balik yang diselesaikan sendiri oleh penjual dibahagikan dengan semua bayaran balik yang selesai, " +
        "dalam 28 hari terakhir.",
      "zh-Hans": "近 28 天商家自主完结的退款数除以完结退款总数。",
      "zh-Hant": "近 28 天商家自主完結的退款數除以完結退款總數。",
    },
  },
  refund_completion_time: {
    label: {
      en: "Refund completion time",
      ru: "Время завершения возврата",
      ms: "Masa penyelesaian bayaran balik",
      "zh-Hans": "退款完结时长",
      "zh-Hant": "退款完結時長",
    },
    description: {
      en: "Mean time from request to completion of the refunds completed in the last 28 days.",
      ru: "Среднее время от запроса до завершения возвратов, завершенных за последние 28 дней.",
      ms: "Purata masa dari permintaan hingga selesai bagi bayaran balik yang selesai dalam 28 hari terakhir.",
      "zh-Hans": "近 28 天完结的退款从申请到完结的平均时长。",
      "zh-Hant": "近 28 天完結的退款從申請到完結的平均時長。",
    },
  },
  quality_refund_rate: {
    label: {
      en: "Quality refund rate",
      ru: "Доля возвратов по качеству",
      ms: "Kadar bayaran balik kualiti",
      "zh-Hans": "品质退款率",
      "zh-Hant": "品質退款率",
    },
    description: {
      en: "Refunds for quality reasons divided by orders paid.",
      ru: "Возвраты средств по причине качества, деленные на оплаченные заказы.",
      ms: "Bayaran balik atas sebab kualiti dibahagikan dengan pesanan berbayar.",
      "zh-Hans": "因质量原因的退款数除以支付成交订单数。",
      "zh-Hant": "因品質原因的退款數除以支付成交訂單數。",
    },
  },

  // Fulfilment and inventory
  order_processing_time: {
    label: {
      en: "Order processing speed",
      ru: "Скорость обработки заказов",
      ms: "Kelajuan pemprosesan pesanan",
      "zh-Hans": "订单处理速度",
      "zh-Hant": "訂單處理速度",
    },
    description: {
      en: "Mean time from placing to shipping of the orders shipped in the period.",
      ru: "Среднее время от оформления до отправки заказов, отправленных за период.",
      ms: "Purata masa dari pesanan dibuat hingga dihantar keluar, bagi pesanan yang dihantar dalam tempoh itu.",
      "zh-Hans": "本期发货订单从下单到发货的平均时长。",
      "zh-Hant": "本期發貨訂單從下單到發貨的平均時長。",
    },
  },
  delivery_time: {
    label: {
      en: "Delivery time",
      ru: "Срок доставки",
      ms: "Masa penghantaran",
      "zh-Hans": "配送时效",
      "zh-Hant": "配送時效",
    },
    description: {
      en: "Mean time from shipping to delivery of orders.",
      ru: "Среднее время от отправки до доставки заказов.",
      ms: "Purata masa dari pesanan dihantar keluar hingga sampai kepada pelanggan.",
      "zh-Hans": "订单从发货到送达的平均时长。",
      "zh-Hant": "訂單從發貨到送達的平均時長。",
    },
  },
  delivery_accuracy: {
    label: {
      en: "Delivery accuracy",
      ru: "Точность доставки",
      ms: "Ketepatan penghantaran",
      "zh-Hans": "配送准确率",
      "zh-Hant": "配送準確率",
    },
    description: {
      en: "Orders delivered correctly divided by orders delivered.",
      ru: "Заказы, доставленные правильно, деленные на доставленные заказы.",
      ms: "Pesanan yang sampai dengan betul dibahagikan dengan pesanan yang sampai.",
      "zh-Hans": "准确送达的订单数除以已送达订单数。",
      "zh-Hant": "正確送達的訂單數除以已送達訂單數。",
    },
  },
  delivery_cost_per_order: {
    label: {
      en: "Delivery cost",
      ru: "Стоимость доставки на заказ",
      ms: "Kos penghantaran setiap pesanan",
      "zh-Hans": "配送成本",
      "zh-Hant": "配送成本",
    },
    description: {
      en: "Shipping cost of the orders shipped in the period divided by the number of those orders.",
      ru: "Стоимость доставки заказов, отправленных за период, деленная на число этих заказов.",
      ms: "Kos penghantaran pesanan yang dihantar dalam tempoh itu dibahagikan dengan bilangan pesanan tersebut.",
      "zh-Hans": "本期发货订单的配送费用之和除以这些订单的数量。",
      "zh-Hant": "本期發貨訂單的配送費用之和除以這些訂單的數量。",
    },
  },
  inventory_turnover: {
    label: {
      en: "Inventory turnover",
      ru: "Оборачиваемость запасов",
      ms: "Pusing ganti inventori",
      "zh-Hans": "库存周转率",
      "zh-Hant": "庫存週轉率",
    },
    description: {
      en: "Cost of goods sold divided by the mean inventory value over the period.",
      ru: "Себестоимость продаж, деленная на среднюю стоимость запасов за период.",
      ms: "Kos barang dijual dibahagikan dengan purata nilai inventori dalam tempoh itu.",
      "zh-Hans": "销售成本除以本期平均库存价值。",
      "zh-Hant": "銷售成本除以本期平均庫存價值。",
    },
  },
  stock_age: {
    label: { en: "Stock age", ru: "Возраст запасов", ms: "Umur stok", "zh-Hans": "库龄", "zh-Hant": "庫齡" },
    description: {
      en: "Mean age of the inventory in days, weighted by stock value, at the end of the period.",
      ru: "Средний возраст запасов в днях, взвешенный по их стоимости, на конец периода.",
      ms: "Purata umur inventori dalam hari, diberi wajaran mengikut nilai stok, pada akhir tempoh.",
      "zh-Hans": "期末库存按价值加权的平均库龄（天）。",
      "zh-Hant": "期末庫存依價值加權的平均庫齡（天）。",
    },
  },
  stockout_rate: {
    label: {
      en: "Stock-out rate",
      ru: "Доля товаров без остатка",
      ms: "Kadar kehabisan stok",
      "zh-Hans": "缺货率",
      "zh-Hant": "缺貨率",
    },
    description: {
      en: "Share of SKUs with zero stock at the end of the period.",
      ru: "Доля SKU с нулевым остатком на конец периода.",
      ms: "Peratusan SKU dengan stok sifar pada akhir tempoh.",
      "zh-Hans": "期末库存为零的 SKU 占全部 SKU 的比例。",
      "zh-Hant": "期末庫存為零的 SKU 佔全部 SKU 的比例。",
    },
  },
  inventory_value: {
    label: {
      en: "Real-time inventory",
      ru: "Запасы в реальном времени",
      ms: "Inventori masa nyata",
      "zh-Hans": "实时库存",
      "zh-Hant": "即時庫存",
    },
    description: {
      en: "Total value of the inventory at the end of the period.",
      ru: "Общая стоимость запасов на конец периода.",
      ms: "Jumlah nilai inventori pada akhir tempoh.",
      "zh-Hans": "期末库存总价值。",
      "zh-Hant": "期末庫存總價值。",
    },
  },

  // Manufacturing
  cycle_time: {
    label: { en: "Cycle time", ru: "Время цикла", ms: "Masa kitaran", "zh-Hans": "周期时间", "zh-Hant": "週期時間" },
    description: {
      en: "Mean time from start to end of production runs.",
      ru: "Среднее время от начала до окончания производственного цикла.",
      ms: "Purata masa dari mula hingga tamat larian pengeluaran.",
      "zh-Hans": "生产批次从开始到结束的平均时长。",
      "zh-Hant": "生產批次從開始到結束的平均時長。",
    },
  },
  fty: {
    label: {
      en: "First time yield",
      ru: "Выход годных с первого раза (FTY)",
      ms: "Hasil lulus kali pertama (FTY)",
      "zh-Hans": "一次合格率（FTY）",
      "zh-Hant": "一次合格率（FTY）",
    },
    description: {
      en: "Units that passed the first time without rework divided by units started.",
      ru: "Единицы, прошедшие с первого раза без доработки, деленные на запущенные единицы.",
      ms: "Unit yang lulus kali pertama tanpa kerja semula dibahagikan dengan unit yang dimulakan.",
      "zh-Hans": "一次通过、无需返工的单位数除以投产单位数。",
      "zh-Hant": "一次通過、無需重工的單位數除以投產單位數。",
    },
  },
  non_compliance_incidents: {
    label: {
      en: "Non-compliance incidents",
      ru: "Количество случаев несоблюдения",
      ms: "Insiden ketidakpatuhan",
      "zh-Hans": "违规事件数",
      "zh-Hant": "違規事件數",
    },
    description: {
      en: "Number of non-compliance incidents, split by kind: safety, quality, labour.",
      ru: "Число случаев несоблюдения требований с разбивкой по видам: безопасность, качество, условия труда.",
      ms: "Bilangan insiden ketidakpatuhan, dipecahkan mengikut jenis: keselamatan, kualiti, buruh.",
      "zh-Hans": "违规事件数，按类型拆分：安全、质量、劳动。",
      "zh-Hant": "違規事件數，依類型拆分：安全、品質、勞動。",
    },
  },
  oee: {
    label: {
      en: "Overall equipment effectiveness",
      ru: "Эффективность оборудования (OEE)",
      ms: "Keberkesanan peralatan (OEE)",
      "zh-Hans": "设备综合效率（OEE）",
      "zh-Hant": "設備綜合效率（OEE）",
    },
    description: {
      en:
        "Availability × performance × quality: run time / planned time × ideal cycle time × units / run time × good " +
        "units / units.",
      ru:
        "Доступность × производительность × качество: время работы / плановое время × идеальное время цикла × " +
        "выпуск / время работы × годные / выпуск.",
      ms:
        "Ketersediaan × prestasi × kualiti: masa operasi / masa dirancang × masa kitaran ideal × unit / masa " +
        "operasi × unit baik / unit.",
      "zh-Hans": "可用率 × 性能率 × 良品率：运行时间 / 计划时间 × 理想周期时间 × 产量 / 运行时间 × 良品数 / 产量。",
      "zh-Hant": "可用率 × 效能率 × 良品率：運轉時間 / 計畫時間 × 理想週期時間 × 產量 / 運轉時間 × 良品數 / 產量。",
    },
  },
  ole: {
    label: {
      en: "Overall labour effectiveness",
      ru: "Общая эффективность труда (OLE)",
      ms: "Keberkesanan tenaga kerja (OLE)",
      "zh-Hans": "人员综合效率（OLE）",
      "zh-Hant": "人員綜合效率（OLE）",
    },
    description: {
      en:
        "Labour availability × performance × quality: worked time / scheduled time × ideal cycle time × units / " +
        "worked time × good units / units.",
      ru:
        "Доступность персонала × производительность × качество: отработанное время / плановое × идеальное время " +
        "цикла × выпуск / отработанное время × годные / выпуск.",
      ms:
        "Ketersediaan tenaga kerja × prestasi × kualiti: masa bekerja / masa dijadualkan × masa kitaran ideal × " +
        "unit / masa bekerja × unit baik / unit.",
      "zh-Hans": "人员可用率 × 性能率 × 良品率：实际工时 / 排班工时 × 理想周期时间 × 产量 / 实际工时 × 良品数 / 产量。",
      "zh-Hant": "人員可用率 × 效能率 × 良品率：實際工時 / 排定工時 × 理想週期時間 × 產量 / 實際工時 × 良品數 / 產量。",
    },
  },
  production_output: {
    label: {
      en: "Yield (output)",
      ru: "Объем производства",
      ms: "Jumlah pengeluaran",
      "zh-Hans": "产量",
      "zh-Hant": "產量",
    },
    description: {
      en: "Total number of units produced; its change against the previous period is the yield variance.",
      ru: "Общее число произведенных единиц; его изменение к предыдущему периоду — отклонение выпуска.",
      ms: "Jumlah unit yang dikeluarkan; perubahannya berbanding tempoh sebelumnya ialah varians hasil.",
      "zh-Hans": "生产的单位总数；其与上期相比的变化即产量差异。",
      "zh-Hant": "生產的單位總數；其與上期相比的變化即產量差異。",
    },
  },
};

/**
 * Names of the dimensions KPIs are split by. The words themselves are with the widgets' (one module
 * per locale, i18n/locales), so that a page's table or breakdown downloads its own locale's only.
 */
export const dimensionTexts: Record<string, LocaleTexts> = Object.fromEntries(
  Object.entries(inLocales(dimensionWords)).map(([key, texts]) => [key.slice("dimension_".length), texts]),
);

/** Names of the catalog's domains. */
export const domainTexts: Record<string, LocaleTexts> = {
  sales: { en: "Sales", ru: "Продажи", ms: "Jualan", "zh-Hans": "销售", "zh-Hant": "銷售" },
  marketing: { en: "Marketing", ru: "Маркетинг", ms: "Pemasaran", "zh-Hans": "营销", "zh-Hant": "行銷" },
  customer_service: {
    en: "Customer service",
    ru: "Клиентский сервис",
    ms: "Khidmat pelanggan",
    "zh-Hans": "客户服务",
    "zh-Hant": "客戶服務",
  },
  after_sales: {
    en: "After-sales",
    ru: "Послепродажное обслуживание",
    ms: "Selepas jualan",
    "zh-Hans": "售后服务",
    "zh-Hant": "售後服務",
  },
  fulfilment: {
    en: "Fulfilment and inventory",
    ru: "Выполнение заказов и запасы",
    ms: "Pemenuhan pesanan dan inventori",
    "zh-Hans": "履约与库存",
    "zh-Hant": "履約與庫存",
  },
  manufacturing: {
    en: "Manufacturing",
    ru: "Производство",
    ms: "Pembuatan",
    "zh-Hans": "生产制造",
    "zh-Hant": "生產製造",
  },
  custom: { en: "Custom", ru: "Пользовательские", ms: "Tersuai", "zh-Hans": "自定义", "zh-Hant": "自訂" },
};
