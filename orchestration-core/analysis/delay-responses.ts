// The responses a planner has to a supplier delay, each as the plan changes it would make and the
// commands that make them upstream. Only responses that exist for this case are proposed: no
// alternate supplier, no alternate in the BOM, no stock elsewhere: no such response.
import type { SubstitutionRequest } from '../../shared/api/approvals';
import type { CommandPayload, CommandType } from '../../shared/commands';
import type { PlanItem, PoLine, ProductionOrder } from '../../shared/dataset';
import { dateOf, dayOf, readableDate } from '../../shared/plan-days';
import type { PlanChange } from '../model/plan-changes';

export const responseKinds = ['expedite', 'alternate-supplier', 'substitute', 'transfer', 'reschedule', 'accept-delay'] as const;
export type ResponseKind = (typeof responseKinds)[number];

/** "186.2 KG", "1,320 EA": as a planner reads a quantity in a sentence. */
function quantityText(quantity: number, unit: string): string {
  return `${quantity.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit}`;
}

export interface CommandDraft<T extends CommandType = CommandType> {
  type: T;
  payload: CommandPayload<T>;
  entityId: string;
}

export interface ProposedResponse {
  id: ResponseKind;
  label: string;
  description: string;
  /** A supervisor must approve before its commands go upstream (substitutions). */
  needsApproval: boolean;
  changes: PlanChange[];
  commands: CommandDraft[];
  /** What a supervisor is asked to approve; its substitution.apply follows the approval. */
  substitution?: SubstitutionRequest;
}

export interface DelayContext {
  /** The PO schedule line as it is now, at the delayed date. */
  line: PoLine;
  previousDate: string;
  today: string;
  item: Pick<PlanItem, 'unit' | 'supplierIds' | 'leadTimeDays'>;
  /** Production orders at the line's plant whose requirement of the item the delay makes late. */
  lateConsumers: ProductionOrder[];
  alternates(parentItemId: string): string[];
  /** The plants that hold stock of the item. */
  plantsWithStock: string[];
  /**
   * What can leave a plant's stock of an item today with the plant's own needs and safety stock in the
   * horizon still covered: a response never takes stock another order counts on.
   */
  freeStock(itemId: string, plant: string): number;
  transitDays(fromPlant: string, toPlant: string): number | undefined;
}

const command = <T extends CommandType>(type: T, payload: CommandPayload<T>, entityId: string): CommandDraft => ({ type, payload, entityId }) as CommandDraft;

/**
 * The orders a substitute can go into without taking stock other orders need: the earliest first,
 * while the free quantity lasts; with how much of it they use.
 */
export function ordersTheSubstituteCovers(orders: readonly ProductionOrder[], componentItemId: string, free: number): { orders: ProductionOrder[]; used: number } {
  let used = 0;
  const covered = [...orders]
    .sort((a, b) => dayOf(a.startDate) - dayOf(b.startDate) || (a.id < b.id ? -1 : 1))
    .filter((order) => {
      const need = order.components.find((c) => c.itemId === componentItemId)?.quantity ?? 0;
      if (used + need > free) return false;
      used += need;
      return true;
    });
  return { orders: covered, used };
}

export function proposeDelayResponses(ctx: DelayContext): ProposedResponse[] {
  const { line, previousDate, today } = ctx;
  const todayDay = dayOf(today);
  const newDay = dayOf(line.expectedDate);
  const reason = `Supplier delay on ${line.id}`;
  const responses: ProposedResponse[] = [];

  const requestedDate = dateOf(Math.max(todayDay + 1, dayOf(previousDate)));
  if (dayOf(requestedDate) < newDay) {
    responses.push({
      id: 'expedite',
      label: 'Expedite',
      description: `Ask supplier ${line.supplierId} to deliver ${line.id} by ${readableDate(requestedDate)}, as confirmed before.`,
      needsApproval: false,
      changes: [{ kind: 'poLine', poLine: { ...line, expectedDate: requestedDate } }],
      commands: [command('po.expedite', { poLineId: line.id, requestedDate, reason }, line.id)],
    });
  }

  const alternateSupplier = ctx.item.supplierIds.find((supplierId) => supplierId !== line.supplierId);
  const alternateDay = todayDay + ctx.item.leadTimeDays;
  if (alternateSupplier && alternateDay < newDay) {
    const poLine: PoLine = { id: `${line.id}-ALT`, supplierId: alternateSupplier, itemId: line.itemId, plant: line.plant, quantity: line.quantity, expectedDate: dateOf(alternateDay), confirmed: false, asnId: null };
    responses.push({
      id: 'alternate-supplier',
      label: 'Alternate supplier',
      description: `Order ${quantityText(line.quantity, ctx.item.unit)} from ${alternateSupplier} for ${readableDate(poLine.expectedDate)} (lead time ${ctx.item.leadTimeDays} d); the delayed line still arrives.`,
      needsApproval: false,
      changes: [{ kind: 'poLine', poLine }],
      commands: [command('po.create', { poLineId: poLine.id, supplierId: alternateSupplier, itemId: line.itemId, plant: line.plant, quantity: line.quantity, requestedDate: poLine.expectedDate, reason }, poLine.id)],
    });
  }

  const substitutable = ctx.lateConsumers.flatMap((order) => {
    const alternate = ctx.alternates(order.itemId)[0];
    return alternate ? [{ order, alternate }] : [];
  });
  const alternate = substitutable[0]?.alternate;
  // Only as much of the substitute as nobody else needs: the earliest orders first, while it lasts.
  const free = alternate ? ctx.freeStock(alternate, line.plant) : 0;
  const candidates = substitutable.filter((s) => s.alternate === alternate).map((s) => s.order);
  const { orders, used } = alternate ? ordersTheSubstituteCovers(candidates, line.itemId, free) : { orders: [], used: 0 };
  if (alternate && orders.length > 0) {
    responses.push({
      id: 'substitute',
      label: 'Substitute component',
      description: `Use ${alternate} instead of ${line.itemId} in ${orders.length} production order${orders.length === 1 ? '' : 's'} (${quantityText(used, ctx.item.unit)} of the ${quantityText(free, ctx.item.unit)} no other order needs); needs a supervisor's approval.`,
      needsApproval: true,
      changes: orders.map((order): PlanChange => ({ kind: 'productionOrder', order: { ...order, components: order.components.map((c) => (c.itemId === line.itemId ? { ...c, itemId: alternate } : c)) } })),
      commands: [],
      substitution: { productionOrderIds: orders.map((order) => order.id), fromItemId: line.itemId, toItemId: alternate, plant: line.plant, reason },
    });
  }

  // From the plant with the most stock it can spare after its own needs and safety stock.
  const source = ctx.plantsWithStock
    .filter((plant) => plant !== line.plant && ctx.transitDays(plant, line.plant) !== undefined)
    .map((plant) => ({ plant, quantity: ctx.freeStock(line.itemId, plant) }))
    .filter((stock) => stock.quantity > 0)
    .sort((a, b) => b.quantity - a.quantity || (a.plant < b.plant ? -1 : 1))[0];
  if (source) {
    const transit = ctx.transitDays(source.plant, line.plant)!;
    const quantity = Math.min(line.quantity, source.quantity);
    const transfer = { id: `STO-${line.id}`, itemId: line.itemId, fromPlant: source.plant, toPlant: line.plant, quantity, shipDate: today, arrivalDate: dateOf(todayDay + transit) };
    if (todayDay + transit < newDay) {
      responses.push({
        id: 'transfer',
        label: 'Inter-plant transfer',
        description: `Move ${quantityText(quantity, ctx.item.unit)} from ${source.plant} (what it can spare after its own orders and safety stock: ${quantityText(source.quantity, ctx.item.unit)}) to ${line.plant}, arriving ${readableDate(transfer.arrivalDate)}.`,
        needsApproval: false,
        changes: [{ kind: 'transfer', transfer }],
        commands: [command('transfer.request', { transferId: transfer.id, itemId: transfer.itemId, fromPlant: transfer.fromPlant, toPlant: transfer.toPlant, quantity, shipDate: transfer.shipDate, arrivalDate: transfer.arrivalDate, reason }, transfer.id)],
      });
    }
  }

  const rescheduled = ctx.lateConsumers
    .filter((order) => dayOf(order.startDate) < newDay)
    .map((order) => {
      const shift = newDay - dayOf(order.startDate);
      return { ...order, startDate: line.expectedDate, dueDate: dateOf(dayOf(order.dueDate) + shift) };
    });
  if (rescheduled.length > 0) {
    responses.push({
      id: 'reschedule',
      label: 'Reschedule production',
      description: `Start ${rescheduled.length} production order${rescheduled.length === 1 ? '' : 's'} when the material arrives (${readableDate(line.expectedDate)}).`,
      needsApproval: false,
      changes: rescheduled.map((order): PlanChange => ({ kind: 'productionOrder', order })),
      commands: rescheduled.map((order) => command('production.reschedule', { productionOrderId: order.id, startDate: order.startDate, dueDate: order.dueDate, reason }, order.id)),
    });
  }

  responses.push({ id: 'accept-delay', label: 'Accept the delay', description: 'Change nothing; the orders hit stay late.', needsApproval: false, changes: [], commands: [] });
  return responses;
}
