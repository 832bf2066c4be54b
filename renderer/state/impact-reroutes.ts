// A line stop's held-up orders as grid rows, and the planner's reroutes of them: the line picked for
// each order, a reroute on its way to the host, its refusal beside the row, and a reroute the host
// took, shown at once and kept over any older answer of the detail that does not know of it yet.
import type { ExceptionDetail, HeldUpOrder, LineStopDetail } from '../../shared/api/impact';

export type HeldUpOrdersById = Readonly<Record<string, HeldUpOrder>>;
export type RerouteTarget = NonNullable<HeldUpOrder['rerouted']>;

/** What the planner did with one held-up order in this session. */
export interface RerouteDraft {
  /** The alternate line picked ("P2/L9"); null: the best one. */
  target: string | null;
  sending: boolean;
  /** The host's refusal, as it said it. */
  error: string | null;
  /** The reroute the host took, until the detail reports it. */
  sent: RerouteTarget | null;
}

export type RerouteDrafts = Readonly<Record<string, RerouteDraft>>;

export interface RerouteData {
  selectedExceptionId: string | null;
  detail: ExceptionDetail | null;
  heldUpOrdersById: HeldUpOrdersById;
  reroutes: RerouteDrafts;
}

const emptyDraft: RerouteDraft = { target: null, sending: false, error: null, sent: null };

export function lineStopOf(detail: ExceptionDetail | null): LineStopDetail | null {
  return detail !== null && 'stoppageId' in detail.detail ? detail.detail : null;
}

/** "P2/L9": how a line is named across plants. */
export const lineKey = (target: { plant: string; line: string }): string => `${target.plant}/${target.line}`;

/** Held-up orders are plain data with short lists (at most three alternates): equal when they read the same. */
function sameOrder(a: HeldUpOrder, b: HeldUpOrder): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Keys the orders by id, keeping the previous object of each unchanged one so the grid's transaction holds only real changes. */
export function heldUpOrdersByIdKeepingUnchanged(orders: readonly HeldUpOrder[], previous: HeldUpOrdersById = {}): HeldUpOrdersById {
  const byId: Record<string, HeldUpOrder> = {};
  for (const order of orders) {
    const before = previous[order.productionOrderId];
    byId[order.productionOrderId] = before !== undefined && sameOrder(before, order) ? before : order;
  }
  return byId;
}

/** The detail with the reroutes the host took applied to orders it does not yet show rerouted; the same object when there are none. */
export function withSentReroutes(detail: ExceptionDetail, drafts: RerouteDrafts): ExceptionDetail {
  const stop = lineStopOf(detail);
  if (!stop || !stop.orders.some((order) => order.rerouted === null && drafts[order.productionOrderId]?.sent)) return detail;
  const orders = stop.orders.map((order) => {
    const sent = drafts[order.productionOrderId]?.sent;
    return order.rerouted === null && sent ? { ...order, rerouted: sent } : order;
  });
  return { ...detail, detail: { ...stop, orders } };
}

/** A freshly loaded detail's held-up orders, against what was shown of the same exception. */
export function heldUpOrdersOf(detail: ExceptionDetail, previous: HeldUpOrdersById): HeldUpOrdersById {
  return heldUpOrdersByIdKeepingUnchanged(lineStopOf(detail)?.orders ?? [], previous);
}

/** Drafts a loaded detail settles: an order it shows rerouted needs no draft any more. */
export function draftsAfterLoad(detail: ExceptionDetail, drafts: RerouteDrafts): RerouteDrafts {
  const settled = (lineStopOf(detail)?.orders ?? []).filter((order) => order.rerouted !== null && drafts[order.productionOrderId]);
  if (settled.length === 0) return drafts;
  const next = { ...drafts };
  for (const order of settled) delete next[order.productionOrderId];
  return next;
}

function withDraft<D extends RerouteData>(data: D, exceptionId: string, productionOrderId: string, change: (draft: RerouteDraft) => RerouteDraft): D {
  if (exceptionId !== data.selectedExceptionId) return data;
  const draft = change(data.reroutes[productionOrderId] ?? emptyDraft);
  return { ...data, reroutes: { ...data.reroutes, [productionOrderId]: draft } };
}

/** The planner picked another alternate line: an earlier refusal was about the other one. */
export function withRerouteTarget<D extends RerouteData>(data: D, exceptionId: string, productionOrderId: string, target: string): D {
  return withDraft(data, exceptionId, productionOrderId, (draft) => ({ ...draft, target, error: null }));
}

export function withRerouteSending<D extends RerouteData>(data: D, exceptionId: string, productionOrderId: string): D {
  return withDraft(data, exceptionId, productionOrderId, (draft) => ({ ...draft, sending: true, error: null }));
}

export function withRerouteFailed<D extends RerouteData>(data: D, exceptionId: string, productionOrderId: string, message: string): D {
  return withDraft(data, exceptionId, productionOrderId, (draft) => ({ ...draft, sending: false, error: message }));
}

/**
 * The host took the reroute: the order shows it at once. The core's push of the exception then reloads
 * the detail, which reports it too; a reload answered before the reroute keeps showing it meanwhile.
 */
export function withOrderRerouted<D extends RerouteData>(data: D, exceptionId: string, productionOrderId: string, sent: RerouteTarget): D {
  const drafted = withDraft(data, exceptionId, productionOrderId, (draft) => ({ ...draft, sending: false, error: null, sent }));
  if (drafted === data || drafted.detail === null) return drafted;
  const detail = withSentReroutes(drafted.detail, drafted.reroutes);
  return { ...drafted, detail, heldUpOrdersById: heldUpOrdersOf(detail, drafted.heldUpOrdersById) };
}
