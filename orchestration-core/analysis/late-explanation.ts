// Why an order is late, level by level: a customer order (or a production order) is covered late by
// the receipt that brings the last of what it needs; when that receipt is a production order's
// output, the order is late because of its latest component, and so on down the bill of materials,
// ending at the PO line or transfer that arrives too late, or at the quantity nothing covers.
import type { ExplanationStep, LateExplanation } from '../../shared/api/stock-requirements';
import { dateOf, readableDate } from '../../shared/plan-days';
import { byNeed } from './plan';
import { receiptDocument, pegKey } from './stock-requirements';
import type { KeySupply, PlanIndex } from './plan-index';
import type { Demand } from './supply-demand';

const lateness = (daysLate: number | null): string => (daysLate === null ? 'never covered' : daysLate > 0 ? `${daysLate} d late` : 'on time');

/** The explanation of a customer order or a production order; null for an order the plan does not know. */
export function explainLate(index: PlanIndex, orderId: string, unitOf: (itemId: string) => string = () => ''): LateExplanation | null {
  /** "1,808.5 KG of RM-001107" */
  const amount = (quantity: number, itemId: string) => `${Number(quantity.toFixed(3)).toLocaleString('en-US')}${unitOf(itemId) ? ` ${unitOf(itemId)}` : ''} of ${itemId}`;
  /** "; 6,195 M of RM-001107 there is blocked (L-003101)": stock at the plant the plan does not count on. */
  const heldStock = (itemId: string, plant: string): string => {
    const held = (index.keyElements(itemId, plant)?.lots ?? []).filter((lot) => lot.stockType === 'blocked' || lot.stockType === 'quality-inspection');
    if (held.length === 0) return '';
    const quantity = held.reduce((sum, lot) => sum + lot.quantity, 0);
    const how = held.every((lot) => lot.stockType === 'blocked') ? 'blocked' : held.every((lot) => lot.stockType === 'quality-inspection') ? 'in quality inspection' : 'blocked or in quality inspection';
    const lots = held.slice(0, 3).map((lot) => lot.lotId).join(', ') + (held.length > 3 ? ', …' : '');
    return `; ${amount(quantity, itemId)} there is ${how} (${lots})`;
  };
  const steps: ExplanationStep[] = [];
  let because: string | null = null;

  /** Follows a demand at an item and plant down to the receipt that makes it late. */
  function followDemand(demand: Demand, itemId: string, plant: string, level: number): void {
    if (level > 50) throw new Error(`bill of materials: ${itemId} at ${plant} is its own component (a cycle)`);
    const keyed = pegKey(index, itemId, plant);
    const pegged = keyed?.pegging.get(demand);
    if (!keyed || !pegged || pegged.daysLate === 0) return;
    if (pegged.daysLate === null) {
      const covered = pegged.from.reduce((sum, part) => sum + part.quantity, 0);
      const missing = demand.quantity - covered;
      // A production order of the item that never finishes is the receipt that is missing: the one that
      // would have come to this demand, first come first served, is followed.
      const stuck = stuckProducerFor(keyed, demand);
      if (stuck) {
        steps.push({ level, kind: 'production-order', document: stuck.id, itemId, plant, needDate: dateOf(demand.day), coveredDate: null, daysLate: null, text: `${stuck.id} (${amount(stuck.quantity, itemId)}) never finishes` });
        followOrder(stuck.id, level + 1);
        return;
      }
      steps.push({ level, kind: 'missing', document: '', itemId, plant, needDate: dateOf(demand.day), coveredDate: null, daysLate: null, text: `${amount(missing, itemId)} at ${plant} has no receipt planned` });
      because ??= `short because ${amount(missing, itemId)} at ${plant} has no receipt planned for ${readableDate(dateOf(demand.day))}${heldStock(itemId, plant)}`;
      return;
    }
    // The receipt that brings the last of it is the one it waits for.
    const last = pegged.from.at(-1)?.supply;
    if (!last) return;
    followReceipt(last, demand, itemId, plant, level);
  }

  function followReceipt(supply: KeySupply, demand: Demand, itemId: string, plant: string, level: number): void {
    const needDate = dateOf(demand.day);
    const arrives = dateOf(supply.day);
    const { source } = supply;
    if (source.kind === 'production') {
      const onItsDate = (source.planned.daysLate ?? 0) <= 0;
      // On its own due date yet after the need: its schedule is what makes the order late (a reschedule, say).
      const text = onItsDate ? `${source.order.id} is scheduled to finish ${readableDate(arrives)}, needed ${readableDate(needDate)}` : `${source.order.id} finishes ${readableDate(arrives)} instead of ${readableDate(source.order.dueDate)}`;
      steps.push({ level, kind: 'production-order', document: source.order.id, itemId, plant, needDate, coveredDate: arrives, daysLate: source.planned.daysLate, text });
      if (onItsDate) {
        because ??= `late because ${text}`;
        return;
      }
      followOrder(source.order.id, level + 1);
      return;
    }
    const kind = source.kind === 'poLine' ? 'po-line' : source.kind === 'transfer' ? 'transfer-in' : 'stock';
    const document = receiptDocument(source);
    steps.push({ level, kind, document, itemId, plant, needDate, coveredDate: arrives, daysLate: Math.max(0, supply.day - demand.day), text: `${document} arrives ${readableDate(arrives)}, needed ${readableDate(needDate)}` });
    // Stock of the item there that the plan may not use (a blocked lot, one in inspection) is said too:
    // it is often why the order waits for this receipt at all.
    because ??= `late because ${document} arrives ${readableDate(arrives)}, needed ${readableDate(needDate)}${heldStock(itemId, plant)}`;
  }

  /** A production order is as late as its latest component: follow that one. */
  function followOrder(id: string, level: number): void {
    const order = index.productionOrder(id);
    if (!order) return;
    let latest: (typeof order.components)[number] | undefined;
    let worst: number | null = 0;
    for (const component of order.components) {
      const late = pegKey(index, component.itemId, component.plant)?.pegging.get(component.demand)?.daysLate ?? null;
      if (late === null ? worst !== null : worst !== null && late > worst) {
        worst = late;
        latest = component;
      }
    }
    if (!latest) return;
    steps.push({ level, kind: 'component', document: id, itemId: latest.itemId, plant: latest.plant, needDate: dateOf(latest.demand.day), coveredDate: worst === null ? null : dateOf(latest.demand.day + worst), daysLate: worst, text: `${latest.itemId} for ${id} is ${lateness(worst)}` });
    followDemand(latest.demand, latest.itemId, latest.plant, level + 1);
  }

  const customer = index.customerOrder(orderId);
  if (customer) {
    const keyed = pegKey(index, customer.itemId, customer.plant);
    const demand = keyed?.elements.demands.find((d) => d.kind === 'customer' && d.orderId === orderId);
    if (!keyed || !demand) return null;
    const pegged = keyed.pegging.get(demand);
    const daysLate = pegged?.daysLate ?? null;
    steps.push({ level: 0, kind: 'customer-order', document: orderId, itemId: customer.itemId, plant: customer.plant, needDate: customer.shipDate, coveredDate: pegged && pegged.coveredDay !== null ? dateOf(pegged.coveredDay) : null, daysLate, text: `${orderId} (${amount(customer.quantity, customer.itemId)}) is ${lateness(daysLate)}` });
    followDemand(demand, customer.itemId, customer.plant, 1);
    return { orderId, daysLate, because, steps };
  }
  const production = index.productionOrder(orderId);
  if (!production) return null;
  const { order, planned } = production;
  steps.push({ level: 0, kind: 'production-order', document: orderId, itemId: order.itemId, plant: order.plant, needDate: order.dueDate, coveredDate: planned.outputDay === null ? null : dateOf(planned.outputDay), daysLate: planned.daysLate, text: `${orderId} (${amount(order.quantity, order.itemId)}) ${planned.daysLate === null ? 'never finishes' : `is ${lateness(planned.daysLate)}`}` });
  if (planned.daysLate !== 0) followOrder(orderId, 1);
  return { orderId, daysLate: planned.daysLate, because, steps };
}

/**
 * The production order that never finishes whose output would have come to the demand: uncovered
 * demands in need order take the stuck orders' quantities in due-date order, first come first served.
 */
function stuckProducerFor(keyed: NonNullable<ReturnType<typeof pegKey>>, demand: Demand) {
  const producers = keyed.elements.unfulfilledProducers;
  let at = 0;
  let left = producers[0]?.quantity ?? 0;
  for (const other of [...keyed.elements.demands].sort(byNeed)) {
    const pegged = keyed.pegging.get(other);
    if (!pegged || pegged.daysLate !== null) continue;
    if (other === demand) return producers[at] ?? producers.at(-1);
    let need = other.quantity - pegged.from.reduce((sum, part) => sum + part.quantity, 0);
    while (need > 1e-9 && at < producers.length) {
      const take = Math.min(need, left);
      need -= take;
      left -= take;
      if (left <= 1e-9) {
        at += 1;
        left = producers[at]?.quantity ?? 0;
      }
    }
  }
  return producers[at] ?? producers.at(-1);
}
