// Disruptions as changes to the planning input: the impact is the plan after minus the plan before.
import type { PlanInput } from '../model/plan-input';
import { dateOf, dayOf } from '../../shared/plan-days';

export class UnknownPlanEntityError extends Error {
  override name = 'UnknownPlanEntityError';
}

/** A supplier delay: the PO schedule line is now expected on newDate. */
export function withPoLineDelayed(input: PlanInput, poLineId: string, newDate: string): PlanInput {
  dayOf(newDate);
  if (!input.poLines.some((line) => line.id === poLineId)) throw new UnknownPlanEntityError(`poLineId: no PO schedule line "${poLineId}"`);
  return { ...input, poLines: input.poLines.map((line) => (line.id === poLineId ? { ...line, expectedDate: newDate } : line)) };
}

/** A lot block: its quantity leaves unrestricted supply. */
export function withLotBlocked(input: PlanInput, lotId: string): PlanInput {
  if (!input.lots.some((lot) => lot.lotId === lotId)) throw new UnknownPlanEntityError(`lotId: no lot "${lotId}"`);
  return { ...input, lots: input.lots.map((lot) => (lot.lotId === lotId ? { ...lot, stockType: 'blocked' } : lot)) };
}

/** A line stoppage: orders on the line starting on or after the stop move out by its length. */
export function withLineStopped(input: PlanInput, plant: string, line: string, from: string, days: number): PlanInput {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days: ${days} is not a whole number of days`);
  const fromDay = dayOf(from);
  const shift = (date: string) => dateOf(dayOf(date) + days);
  return {
    ...input,
    productionOrders: input.productionOrders.map((order) =>
      order.plant === plant && order.line === line && dayOf(order.startDate) >= fromDay
        ? { ...order, startDate: shift(order.startDate), dueDate: shift(order.dueDate) }
        : order,
    ),
  };
}
