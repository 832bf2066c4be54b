// From a receipt up the bill of materials (MD09's pegged requirements): the requirements it covers;
// for a component, the production order's output and what that covers; for a stock transport order,
// its arrival at the other plant and what that covers; up to the customer orders at the top, with
// their value and priority.
import type { PeggedUp, PeggedUpNode } from '../../shared/api/stock-requirements';
import { dateOf } from '../../shared/plan-days';
import type { PlanIndex } from './plan-index';
import { pegKey, receiptDocument, receiptPart, requirementKind } from './stock-requirements';

const maxLevels = 50;

export function pegUp(index: PlanIndex, itemId: string, plant: string, document: string): PeggedUp | null {
  const start = pegKey(index, itemId, plant);
  const supply = start?.elements.supplies.find((candidate) => receiptDocument(candidate.source) === document);
  if (!start || !supply) return null;
  const tops = new Map<string, PeggedUp['customerOrders'][number]>();

  /** What the receipt of `document` at the item and plant covers, each requirement with what is above it. */
  function coversOf(at: NonNullable<ReturnType<typeof pegKey>>, receiptDocumentId: string, level: number): PeggedUpNode[] {
    if (level > maxLevels) throw new Error(`bill of materials: pegging from ${receiptDocumentId} goes round in a cycle`);
    const receipt = at.elements.supplies.find((candidate) => receiptDocument(candidate.source) === receiptDocumentId);
    if (!receipt) return [];
    const nodes: PeggedUpNode[] = [];
    for (const [demand, pegged] of at.pegging) {
      const part = pegged.from.find((candidate) => candidate.supply === receipt);
      if (!part) continue;
      const node: PeggedUpNode = { kind: requirementKind(demand), document: demand.orderId, itemId: '', plant: '', date: dateOf(demand.day), quantity: part.quantity, daysLate: pegged.daysLate, above: [] };
      if (demand.kind === 'component') {
        const order = index.productionOrder(demand.orderId)?.order;
        if (order) {
          Object.assign(node, { itemId: order.itemId, plant: order.plant });
          const output = pegKey(index, order.itemId, order.plant);
          if (output) node.above = coversOf(output, order.id, level + 1);
        }
      } else if (demand.kind === 'transfer') {
        const transfer = index.transfer(demand.orderId);
        if (transfer) {
          Object.assign(node, { itemId: transfer.itemId, plant: transfer.toPlant });
          const arrival = pegKey(index, transfer.itemId, transfer.toPlant);
          if (arrival) node.above = coversOf(arrival, transfer.id, level + 1);
        }
      } else {
        const order = index.customerOrder(demand.orderId);
        if (order) {
          Object.assign(node, { itemId: order.itemId, plant: order.plant });
          node.customer = { customerId: order.customerId, value: order.value, priority: order.priority };
          tops.set(order.id, { document: order.id, customerId: order.customerId, date: order.shipDate, value: order.value, priority: order.priority, daysLate: pegged.daysLate });
        }
      }
      nodes.push(node);
    }
    return nodes;
  }

  const covers = coversOf(start, document, 0);
  const customerOrders = [...tops.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.document < b.document ? -1 : 1));
  return { itemId, plant, receipt: receiptPart(supply, supply.quantity), covers, customerOrders };
}
