// From a receipt up the bill of materials (MD09's pegged requirements): the requirements it covers;
// for a component, the production order's output and what that covers; for a stock transport order,
// its arrival at the other plant and what that covers; up to the customer orders at the top, with
// their value and priority.
import type { PeggedUp, PeggedUpNode } from '../../shared/api/stock-requirements';
import { dateOf } from '../../shared/plan-days';
import type { PlanIndex } from './plan-index';
import { pegKey, receiptPart, requirementKind } from './stock-requirements';

const maxLevels = 50;

export function pegUp(index: PlanIndex, itemId: string, plant: string, document: string, unitOf: (itemId: string) => string = () => ''): PeggedUp | null {
  // A key reached by several branches is pegged once.
  const keyed = new Map<string, ReturnType<typeof pegKey>>();
  const pegged = (item: string, at: string) => {
    const name = `${item}@${at}`;
    if (!keyed.has(name)) keyed.set(name, pegKey(index, item, at));
    return keyed.get(name)!;
  };
  const start = pegged(itemId, plant);
  const supply = start?.receipts.get(document);
  if (!start || !supply) return null;
  const tops = new Map<string, PeggedUp['customerOrders'][number]>();

  /** What the receipt of `receiptId` at a key covers, each requirement with what is above it. */
  function coversOf(at: ReturnType<typeof pegKey>, receiptId: string, receiptItemId: string, level: number): PeggedUpNode[] {
    if (level > maxLevels) throw new Error(`bill of materials: pegging from ${receiptId} goes round in a cycle`);
    const receipt = at?.receipts.get(receiptId);
    if (!at || !receipt) return [];
    return (at.covers.get(receipt) ?? []).map(({ demand, quantity }) => {
      const daysLate = at.pegging.get(demand)?.daysLate ?? null;
      const node: PeggedUpNode = { kind: requirementKind(demand), document: demand.orderId, itemId: '', plant: '', date: dateOf(demand.day), quantity, unit: unitOf(receiptItemId), daysLate, above: [] };
      if (demand.kind === 'component') {
        const order = index.productionOrder(demand.orderId)?.order;
        if (order) Object.assign(node, { itemId: order.itemId, plant: order.plant, above: coversOf(pegged(order.itemId, order.plant), order.id, order.itemId, level + 1) });
      } else if (demand.kind === 'transfer') {
        const transfer = index.transfer(demand.orderId);
        if (transfer) Object.assign(node, { itemId: transfer.itemId, plant: transfer.toPlant, above: coversOf(pegged(transfer.itemId, transfer.toPlant), transfer.id, transfer.itemId, level + 1) });
      } else {
        const order = index.customerOrder(demand.orderId);
        if (order) {
          Object.assign(node, { itemId: order.itemId, plant: order.plant, customer: { customerId: order.customerId, value: order.value, priority: order.priority } });
          tops.set(order.id, { document: order.id, customerId: order.customerId, date: order.shipDate, value: order.value, priority: order.priority, daysLate });
        }
      }
      return node;
    });
  }

  const covers = coversOf(start, document, itemId, 0);
  const customerOrders = [...tops.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.document < b.document ? -1 : 1));
  return { itemId, plant, receipt: receiptPart(supply, supply.quantity), covers, customerOrders };
}
