// A believable shop, deterministic for a seed: three years (by default) of every fact type with
// weekly seasonality, growth, noise, an hour-of-day curve in the shop's zone and repeat
// customers. It streams day by day in bounded batches, so 10 M orders never sit in memory at once:
// the state it keeps is counters, a ring of recent orders, the customers due back and the stock
// of a few SKUs.
import type {
  AdSpend,
  FactName,
  FactRecord,
  FactSet,
  Incident,
  InventoryRecord,
  Order,
  OrderLine,
  PartRequest,
  ProductionRun,
  Refund,
  Session,
  Survey,
  Target,
  Ticket,
} from "../facts/schemas.js";
import { addMonths, isoDate, isoWeekday, localDay, startOfDay, ymdFromDay } from "../time/calendar.js";
import { Random } from "./random.js";

export interface DemoOptions {
  seed?: number;
  /** Orders over the whole period (±5 %); 1 000 to 10 000 000. */
  orders?: number;
  /**
   * Length of the period in days. Default three years: churn, retention and CLV look back over a
   * 365-day activity window from the start of a range, and so do their previous periods.
   */
  days?: number;
  /** End of the period (exclusive): ISO timestamp or epoch ms. Default: the start of today, UTC. */
  end?: string | number;
  /** The shop's zone: days and hours of activity follow its local time. */
  timeZone?: string;
  /** Sessions over the period (default 30 per order, so conversion lands near 3 %). */
  sessions?: number;
}

export interface DemoBatch {
  fact: FactName;
  records: FactRecord<FactName>[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Orders grow by this factor a year (compounded day by day). */
const GROWTH = 1.4;
/**
 * The chance that an order is followed by another from the same customer: lower after a first
 * order than after a repeat one (customers who came back once come back more), so about a third
 * of orders are repeats and most customers are lost within a year, as in a typical web shop.
 */
const COME_BACK = { first: 0.35, repeat: 0.55 } as const;
/**
 * Days from an order to the customer's next: one in five within a week (a forgotten item, a
 * gift), the others a median of a hundred days later, some after more than a year.
 */
const RETURN_SOON = 1 / 5;
const RETURN_GAP = [100, 0.9] as const;
/** At most this share of a day's orders is placed by returning customers; the rest wait a day. */
const RETURNING_MAX = 0.8;
/** Relative activity by local hour: quiet at night, a lunch bump, an evening peak. */
const HOURS = [
  0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.35, 0.6, 0.8, 0.95, 1, 1.05, 1.15, 1.1, 1, 1, 1.05, 1.15, 1.3, 1.45, 1.55, 1.45,
  1.1, 0.6,
];
/** Relative activity by ISO weekday (Monday first): weekends sell more. */
const WEEKDAYS = [0.92, 0.94, 0.97, 1, 1.06, 1.22, 1.16];
const CHANNELS = [
  ["web", 60],
  ["app", 30],
  ["marketplace", 10],
] as const;
const ORDER_SOURCES = [
  ["organic", 35],
  ["paid", 25],
  ["social", 12],
  ["email", 10],
  ["referral", 8],
  ["direct", 10],
] as const;
const SESSION_SOURCES = [
  ["organic", 34],
  ["paid", 22],
  ["social", 14],
  ["email", 8],
  ["referral", 7],
  ["direct", 13],
  ["other", 2],
] as const;
const REGIONS = [
  ["NA", 38],
  ["EU", 30],
  ["APAC", 20],
  ["LATAM", 8],
  ["MEA", 4],
] as const;
const CAMPAIGNS = [
  { id: "cmp_search", channel: "google", source: "paid", acquisition: true, spend: 420, roas: 4.2, ctr: 0.035 },
  { id: "cmp_shopping", channel: "google", source: "paid", acquisition: true, spend: 300, roas: 3.6, ctr: 0.022 },
  { id: "cmp_social", channel: "meta", source: "social", acquisition: true, spend: 260, roas: 2.4, ctr: 0.014 },
  { id: "cmp_reels", channel: "meta", source: "social", acquisition: true, spend: 140, roas: 2.1, ctr: 0.011 },
  { id: "cmp_newsletter", channel: "email", source: "email", acquisition: false, spend: 35, roas: 6.5, ctr: 0.04 },
  { id: "cmp_winback", channel: "email", source: "email", acquisition: false, spend: 25, roas: 5.1, ctr: 0.03 },
  {
    id: "cmp_affiliates",
    channel: "affiliate",
    source: "referral",
    acquisition: true,
    spend: 90,
    roas: 3.1,
    ctr: 0.018,
  },
  {
    id: "cmp_spring",
    channel: "google",
    source: "paid",
    acquisition: true,
    spend: 380,
    roas: 3.3,
    ctr: 0.027,
    months: [3, 4, 5],
  },
] as const;
const PRODUCTS = 60;
const SKUS = 50;
const LINES = [
  { id: "line_a", ideal: 12, crew: 4 },
  { id: "line_b", ideal: 20, crew: 3 },
  { id: "line_c", ideal: 8, crew: 6 },
] as const;
const TICKET_CHANNELS = [
  ["email", 40],
  ["chat", 30],
  ["phone", 20],
  ["social", 10],
] as const;
const CATEGORIES = [
  ["delivery", 35],
  ["product", 25],
  ["returns", 15],
  ["payment", 15],
  ["account", 10],
] as const;
/** Seconds to a first answer, by channel: chat in seconds, email in hours. */
const FIRST_RESPONSE = {
  chat: [40, 0.8],
  phone: [90, 0.6],
  email: [4 * 3600, 0.7],
  social: [1.5 * 3600, 0.6],
} as const;

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const iso = (t: number) => new Date(t).toISOString();
const money = (x: number) => Math.round(x * 100) / 100;

interface RecentOrder {
  id: string;
  customerId: string;
  placedAt: number;
  total: number;
  deliveredAt: number | undefined;
  lines: OrderLine[];
}

/** A fixed-size ring of the latest orders: later facts (tickets, refunds, surveys) refer to them. */
class Recent {
  private readonly items: RecentOrder[] = [];
  private next = 0;
  constructor(private readonly size: number) {}
  add(o: RecentOrder): void {
    if (this.items.length < this.size) this.items.push(o);
    else this.items[this.next] = o;
    this.next = (this.next + 1) % this.size;
  }
  pick(random: Random): RecentOrder | undefined {
    return this.items.length ? this.items[Math.floor(random.next() * this.items.length)] : undefined;
  }
}

function resolveEnd(end: DemoOptions["end"]): number {
  if (end === undefined) return Math.floor(Date.now() / DAY) * DAY;
  const t = typeof end === "number" ? end : Date.parse(end);
  if (!Number.isFinite(t)) throw new Error(`demo: end must be a timestamp, not ${String(end)}`);
  return t;
}

/** Splits a total into integers proportional to weights, keeping the rounding carry. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  let carry = 0;
  return weights.map((w) => {
    const exact = (total * w) / sum + carry;
    const n = Math.max(0, Math.round(exact));
    carry = exact - n;
    return n;
  });
}

export function* generateDemo(options: DemoOptions & { batchSize?: number } = {}): Generator<DemoBatch> {
  const seed = options.seed ?? 42;
  const totalOrders = options.orders ?? 20_000;
  const days = options.days ?? 3 * 365;
  const tz = options.timeZone ?? "UTC";
  const end = resolveEnd(options.end);
  const totalSessions = options.sessions ?? totalOrders * 30;
  const batchSize = options.batchSize ?? 5000;
  if (!(totalOrders >= 1 && totalOrders <= 10_000_000))
    throw new Error("demo: orders must be between 1 and 10 000 000");
  if (!(days >= 1 && days <= 3660)) throw new Error("demo: days must be between 1 and 3660");

  const random = new Random(seed);
  const lastDay = localDay(tz, end - 1);
  const firstDay = lastDay - days + 1;
  /** The trend of day i relative to the last day. */
  const trend = (i: number) => GROWTH ** ((i - days + 1) / 365);
  const dayWeights = Array.from({ length: days }, (_, i) => {
    return trend(i) * WEEKDAYS[isoWeekday(firstDay + i) - 1]! * Math.exp(random.normal(0, 0.08));
  });
  const ordersPerDay = apportion(totalOrders, dayWeights);
  const sessionsPerDay = apportion(totalSessions, dayWeights);
  const conversion = Math.min(0.9, totalOrders / Math.max(1, totalSessions));
  const ordersPerWeight = totalOrders / dayWeights.reduce((s, w) => s + w, 0);
  /**
   * Campaigns' spend for a day, relative to their base (sized for 48 orders a day): in step with
   * the day's orders, so that acquisition costs stay put as the shop grows, and by its square root
   * past the base, as a big shop's spend buys more than a small one's.
   */
  const adLevel = (i: number) => {
    const level = (trend(i) * ordersPerWeight) / 48;
    return level <= 1 ? level : Math.sqrt(level);
  };
  const meanOrder = 85;

  const buffers = new Map<FactName, FactRecord<FactName>[]>();
  const pending: DemoBatch[] = [];
  const emit = <F extends FactName>(fact: F, record: FactRecord<F>) => {
    let buffer = buffers.get(fact);
    if (!buffer) buffers.set(fact, (buffer = []));
    buffer.push(record as FactRecord<FactName>);
    if (buffer.length >= batchSize) {
      pending.push({ fact, records: buffer });
      buffers.set(fact, []);
    }
  };

  // Targets first: a monthly revenue target for every month touched, and a conversion target.
  for (let monthStart = firstDay - ymdFromDay(firstDay).day + 1; monthStart <= lastDay; ) {
    const next = addMonths(monthStart, 1);
    const from = Math.max(monthStart, firstDay);
    const to = Math.min(next, lastDay + 1);
    let expected = 0;
    for (let d = from; d < to; d++) expected += ordersPerDay[d - firstDay]! * meanOrder;
    const wholeMonth = (expected * (next - monthStart)) / (to - from);
    emit<"targets">("targets", {
      id: `target_revenue_${isoDate(monthStart).slice(0, 7)}`,
      metric: "revenue",
      start: isoDate(monthStart),
      end: isoDate(next),
      value: Math.round(wholeMonth * random.between(0.92, 1.12)),
    } satisfies Target);
    monthStart = next;
  }
  emit<"targets">("targets", {
    id: "target_conversion",
    metric: "conversion_rate",
    start: isoDate(firstDay),
    end: isoDate(lastDay + 1),
    value: 0.03,
  } satisfies Target);

  const recent = new Recent(4000);
  const productPrice = Array.from({ length: PRODUCTS }, () => money(random.lognormal(28, 0.6)));
  const productWeight = Array.from({ length: PRODUCTS }, (_, i) => [i, 1 / (i + 3)] as const);
  /** Units a SKU sells on an average day: stock and reorders are sized by it, whatever the shop's size. */
  const demand = Math.max(1, (2 * totalOrders) / days / SKUS);
  const stock = Array.from({ length: SKUS }, () => ({
    quantity: Math.round(demand * random.between(5, 40)),
    unitCost: money(random.lognormal(12, 0.5)),
    age: random.int(1, 60),
  }));
  let customers = 0;
  /** Customers due to order again, by the index of the day they come back. */
  const due = new Map<number, number[]>();
  const comeBackLater = (customer: number, repeat: boolean, day: number) => {
    if (!random.chance(repeat ? COME_BACK.repeat : COME_BACK.first)) return;
    const gap = random.chance(RETURN_SOON) ? random.int(1, 7) : Math.round(random.lognormal(...RETURN_GAP));
    const at = day + Math.max(1, gap);
    if (at >= days) return;
    const list = due.get(at);
    if (list) list.push(customer);
    else due.set(at, [customer]);
  };
  let visitors = 0;
  let orderSeq = 0;
  let sessionSeq = 0;
  let ticketSeq = 0;
  let surveySeq = 0;
  let refundSeq = 0;

  for (let i = 0; i < days; i++) {
    const day = firstDay + i;
    const dayStart = startOfDay(tz, day);
    const dayEnd = startOfDay(tz, day + 1);
    const length = dayEnd - dayStart;
    const dayIso = isoDate(day);
    // The last day may end early (data up to now): its curve is squeezed into the part that
    // has passed, rather than every later moment piling up on the last millisecond.
    const span = Math.min(length, end - dayStart);
    /** A moment of the day, by the hour-of-day curve, never at or after the end of the data. */
    const moment = () => {
      const h = random.weighted(HOURS.map((w, hour) => [hour, w] as const));
      return Math.min(dayStart + ((h + random.next()) / 24) * span, end - 1);
    };
    const upToEnd = (t: number) => (t < end ? t : undefined);

    const returning = due.get(i) ?? [];
    due.delete(i);
    const returningToday = Math.min(returning.length, Math.floor(ordersPerDay[i]! * RETURNING_MAX));
    if (returningToday < returning.length) {
      const late = returning.slice(returningToday);
      const next = due.get(i + 1);
      if (next) for (const customer of late) next.push(customer);
      else if (i + 1 < days) due.set(i + 1, late);
    }
    for (let k = 0; k < ordersPerDay[i]!; k++) {
      const placedAt = Math.floor(moment());
      const repeat = k < returningToday;
      const customer = repeat ? returning[k]! : customers++;
      comeBackLater(customer, repeat, i);
      const id = `o_${pad(++orderSeq, 8)}`;
      const items = random.weighted([
        [1, 40],
        [2, 28],
        [3, 15],
        [4, 9],
        [5, 5],
        [6, 3],
      ] as const);
      const lines: OrderLine[] = [];
      let left = items;
      while (left > 0) {
        const quantity = lines.length === 2 ? left : random.int(1, left);
        const product = random.weighted(productWeight);
        lines.push({
          productId: `p_${pad(product + 1, 2)}`,
          quantity,
          price: money(productPrice[product]! * random.between(0.9, 1.1)),
        });
        left -= quantity;
      }
      const subtotal = lines.reduce((s, l) => s + l.quantity * l.price, 0);
      const shippingCost = subtotal > 75 || random.chance(0.2) ? 0 : money(random.between(4, 12));
      const cancelled = random.chance(0.025);
      const shipped = cancelled ? undefined : upToEnd(placedAt + Math.floor(random.lognormal(0.9, 0.5) * DAY));
      const delivered =
        shipped === undefined ? undefined : upToEnd(shipped + Math.floor(random.lognormal(2.8, 0.35) * DAY));
      const channel = random.weighted(CHANNELS);
      const source = random.weighted(ORDER_SOURCES);
      const campaign =
        ["paid", "social", "email"].includes(source) && random.chance(0.7)
          ? random.pick(CAMPAIGNS.filter((c) => c.source === source))
          : undefined;
      const order: Order = {
        id,
        placedAt: iso(placedAt),
        customerId: `c_${pad(customer, 7)}`,
        total: money(subtotal + shippingCost),
        cogs: random.chance(0.98) ? money(subtotal * random.between(0.48, 0.6)) : null,
        tax: money(subtotal * 0.08),
        shippingCost,
        items,
        status: cancelled ? "cancelled" : "placed",
        channel,
        source,
        region: random.weighted(REGIONS),
        ...(campaign ? { campaignId: campaign.id } : {}),
        ...(random.chance(0.05) ? { agentId: `a_${random.int(1, 8)}` } : {}),
        ...(shipped !== undefined ? { shippedAt: iso(shipped) } : {}),
        ...(delivered !== undefined
          ? { deliveredAt: iso(delivered), deliveredCorrectly: random.chance(0.96) ? random.chance(0.97) : null }
          : {}),
        ...(random.chance(0.92) ? { promisedAt: iso(placedAt + 5 * DAY) } : {}),
        lines,
      };
      if (delivered !== undefined && random.chance(0.05)) {
        const returned = upToEnd(delivered + Math.floor(random.between(2, 20) * DAY));
        if (returned !== undefined) order.returnedAt = iso(returned);
      }
      emit("orders", order);
      if (!cancelled)
        recent.add({ id, customerId: order.customerId, placedAt, total: order.total, deliveredAt: delivered, lines });
    }

    for (let k = 0; k < sessionsPerDay[i]!; k++) {
      const returning = visitors > 0 && random.chance(0.35);
      const visitor = returning ? visitors - 1 - Math.floor(visitors * random.next() ** 2) : visitors++;
      const bounce = random.chance(0.4);
      const pageviews = bounce ? 1 : 2 + Math.floor(random.lognormal(2.5, 0.7));
      const addedToCart = random.chance(bounce ? 0.015 : 0.15);
      const converted = addedToCart
        ? random.chance(Math.min(0.95, (conversion * 0.95) / 0.1))
        : random.chance(conversion * 0.05);
      emit("sessions", {
        id: `s_${pad(++sessionSeq, 9)}`,
        startedAt: iso(Math.floor(moment())),
        visitorId: `v_${pad(visitor, 8)}`,
        newVisitor: !returning,
        source: random.weighted(SESSION_SOURCES),
        pageviews,
        durationSeconds: Math.round(pageviews * random.lognormal(40, 0.6)),
        addedToCart,
        converted,
      } satisfies Session);
    }

    const month = ymdFromDay(day).month;
    for (const c of CAMPAIGNS) {
      if ("months" in c && !c.months.includes(month as 3 | 4 | 5)) continue;
      const spend = money(c.spend * adLevel(i) * random.lognormal(1, 0.15));
      const impressions = Math.round(spend * random.between(180, 320));
      emit("adSpend", {
        id: `ad_${c.id}_${dayIso}`,
        date: dayIso,
        campaignId: c.id,
        channel: c.channel,
        spend,
        impressions,
        clicks: Math.round(impressions * c.ctr * random.lognormal(1, 0.1)),
        attributedRevenue: money(spend * c.roas * random.lognormal(1, 0.2)),
        acquisition: c.acquisition,
      } satisfies AdSpend);
    }

    for (let k = random.poisson(0.08 * ordersPerDay[i]!); k > 0; k--) {
      const o = recent.pick(random);
      if (!o) break;
      const createdAt = Math.floor(moment());
      const ticketChannel = random.weighted(TICKET_CHANNELS);
      const category = random.weighted(CATEGORIES);
      const [median, sigma] = FIRST_RESPONSE[ticketChannel];
      // Most tickets are picked up within minutes; a tenth wait in the queue for a day or more.
      const wait = random.chance(0.1)
        ? random.between(1, 3) * DAY
        : random.lognormal(ticketChannel === "email" ? 1800 : 60, 0.8) * 1000;
      const assigned = upToEnd(createdAt + Math.floor(wait));
      const responded = upToEnd(createdAt + Math.floor(random.lognormal(median, sigma) * 1000));
      const resolved =
        responded === undefined ? undefined : upToEnd(responded + Math.floor(random.lognormal(16 * HOUR, 1)));
      const agent = `s_${random.int(1, 6)}`;
      const ticket: Ticket = {
        id: `t_${pad(++ticketSeq, 7)}`,
        createdAt: iso(createdAt),
        channel: ticketChannel,
        category,
        ...(category === "product" || category === "returns" ? { productId: random.pick(o.lines).productId } : {}),
        customerId: o.customerId,
        ...(assigned !== undefined ? { agentId: agent, assignedAt: iso(assigned) } : {}),
        ...(responded !== undefined ? { firstResponseAt: iso(responded) } : {}),
        ...(resolved !== undefined ? { resolvedAt: iso(resolved) } : {}),
        escalated: random.chance(0.06),
        complaint: random.chance(0.1),
      };
      emit("tickets", ticket);
      if (resolved !== undefined && random.chance(0.6)) {
        const submitted = upToEnd(resolved + Math.floor(random.between(0.1, 6) * HOUR));
        if (submitted !== undefined) {
          emit("surveys", {
            id: `u_${pad(++surveySeq, 8)}`,
            submittedAt: iso(submitted),
            kind: "csat",
            score: random.weighted([
              [5, 46],
              [4, 30],
              [3, 12],
              [2, 7],
              [1, 5],
            ] as const),
            customerId: o.customerId,
            agentId: agent,
          } satisfies Survey);
        }
      }
    }

    for (let k = random.poisson(0.03 * ordersPerDay[i]!); k > 0; k--) {
      const o = recent.pick(random);
      if (!o) break;
      emit("surveys", {
        id: `u_${pad(++surveySeq, 8)}`,
        submittedAt: iso(Math.floor(moment())),
        kind: "nps",
        score: random.weighted([
          [10, 24],
          [9, 22],
          [8, 18],
          [7, 12],
          [6, 8],
          [5, 6],
          [4, 3],
          [3, 3],
          [2, 2],
          [1, 1],
          [0, 1],
        ] as const),
        customerId: o.customerId,
        orderId: o.id,
      } satisfies Survey);
    }
    for (let k = random.poisson(0.05 * ordersPerDay[i]!); k > 0; k--) {
      const o = recent.pick(random);
      if (!o || o.deliveredAt === undefined || o.deliveredAt >= dayStart) continue;
      const submittedAt = iso(Math.floor(moment()));
      for (const kind of ["dsr_description", "dsr_service", "dsr_shipping"] as const) {
        emit("surveys", {
          id: `u_${pad(++surveySeq, 8)}`,
          submittedAt,
          kind,
          score: random.weighted([
            [5, 55],
            [4, 28],
            [3, 10],
            [2, 4],
            [1, 3],
          ] as const),
          customerId: o.customerId,
          orderId: o.id,
        } satisfies Survey);
      }
      if (random.chance(0.4)) {
        emit("surveys", {
          id: `u_${pad(++surveySeq, 8)}`,
          submittedAt,
          kind: "after_sales",
          score: random.weighted([
            [5, 40],
            [4, 32],
            [3, 15],
            [2, 8],
            [1, 5],
          ] as const),
          customerId: o.customerId,
          orderId: o.id,
        } satisfies Survey);
      }
    }

    for (let k = random.poisson(0.04 * ordersPerDay[i]!); k > 0; k--) {
      const o = recent.pick(random);
      if (!o) break;
      const requestedAt = Math.max(Math.floor(moment()), o.placedAt + HOUR);
      if (requestedAt >= end) continue;
      const completed = random.chance(0.93)
        ? upToEnd(requestedAt + Math.floor(random.lognormal(1.6, 0.7) * DAY))
        : undefined;
      emit("refunds", {
        id: `r_${pad(++refundSeq, 7)}`,
        orderId: o.id,
        requestedAt: iso(requestedAt),
        ...(completed !== undefined ? { completedAt: iso(completed) } : {}),
        amount: money(o.total * random.between(0.2, 1)),
        reason: random.weighted([
          ["quality", 30],
          ["not_as_described", 25],
          ["late", 20],
          ["other", 25],
        ] as const),
        platformIntervened: random.chance(0.07),
        merchantCompleted: completed !== undefined && random.chance(0.82),
      } satisfies Refund);
    }

    for (let k = 0; k < 6; k++) {
      const t = Math.floor(moment());
      if (t >= end) continue;
      emit("partRequests", {
        id: `pr_${dayIso}_${k}`,
        requestedAt: iso(t),
        idealLocation: random.chance(0.88),
        onTime: random.chance(0.9),
        extraCost: random.chance(0.85) ? 0 : money(random.between(5, 80)),
      } satisfies PartRequest);
    }

    const snapshot = dayStart + Math.floor(length * (23 / 24));
    for (let s = 0; s < SKUS; s++) {
      const sku = stock[s]!;
      const sold = random.poisson(demand * dayWeights[i]!);
      sku.quantity = Math.max(0, sku.quantity - sold);
      sku.age += 1;
      // Reorders are slow enough that a SKU now and then runs out for a few days.
      if (sku.quantity === 0 ? random.chance(0.25) : sku.quantity < demand * 5 && random.chance(0.08)) {
        sku.quantity += Math.round(demand * random.between(15, 45));
        sku.age = Math.max(1, Math.round(sku.age * 0.3));
      }
      if (snapshot >= end) continue;
      emit("inventory", {
        id: `inv_sku_${pad(s + 1, 2)}_${dayIso}`,
        at: iso(snapshot),
        sku: `sku_${pad(s + 1, 2)}`,
        quantity: sku.quantity,
        value: money(sku.quantity * sku.unitCost),
        ageDays: sku.age,
      } satisfies InventoryRecord);
    }

    for (const line of LINES) {
      for (let shift = 0; shift < 3; shift++) {
        const started = dayStart + Math.floor(length * ((6 + shift * 4) / 24));
        const planned = 4 * 3600;
        const ended = started + planned * 1000;
        if (ended >= end) continue;
        const run = Math.round(planned * random.between(0.82, 0.98));
        const total = Math.floor((run / line.ideal) * random.between(0.78, 0.95));
        const good = Math.floor(total * random.between(0.95, 0.995));
        const unitsStarted = total + random.int(0, 20);
        const scheduled = planned * line.crew;
        emit("productionRuns", {
          id: `run_${line.id}_${dayIso}_${shift}`,
          line: line.id,
          startedAt: iso(started),
          endedAt: iso(ended),
          plannedSeconds: planned,
          runSeconds: run,
          idealCycleSeconds: line.ideal,
          unitsStarted,
          totalCount: total,
          goodCount: good,
          firstPassGood: Math.min(unitsStarted, Math.floor(good * random.between(0.94, 0.99))),
          scheduledLaborSeconds: scheduled,
          workedLaborSeconds: Math.round(scheduled * random.between(0.88, 0.98)),
        } satisfies ProductionRun);
      }
    }

    for (let k = random.poisson(0.12); k > 0; k--) {
      const t = Math.floor(moment());
      if (t >= end) continue;
      emit("incidents", {
        id: `inc_${dayIso}_${k}`,
        occurredAt: iso(t),
        kind: random.weighted([
          ["safety", 30],
          ["quality", 50],
          ["labor", 20],
        ] as const),
      } satisfies Incident);
    }

    while (pending.length) yield pending.shift()!;
  }
  for (const [fact, records] of buffers) if (records.length) yield { fact, records };
}

/** All demo facts at once, as arrays (for small sizes: tests, the memory engine, inline data). */
export function demoFacts(options: DemoOptions = {}): FactSet {
  const facts: Record<string, unknown[]> = {};
  for (const batch of generateDemo(options)) (facts[batch.fact] ??= []).push(...batch.records);
  return facts as FactSet;
}
