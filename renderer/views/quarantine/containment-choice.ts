// Which lots made from a failed lot the engineer blocks in the same usage decision: by default every
// one not blocked already; a tick or untick of the engineer's own wins, also over a reloaded report.
import type { ContainmentLot, ContainmentReport } from '../../../shared/api/quarantine';

/** The engineer's own ticks, by lot id; lots not in it follow the default. */
export type ContainmentTicks = Readonly<Record<string, boolean>>;

export const isAlreadyBlocked = (lot: Pick<ContainmentLot, 'stockType'>): boolean => lot.stockType === 'blocked';

export function isChosenToBlock(lot: Pick<ContainmentLot, 'lotId' | 'stockType'>, ticks: ContainmentTicks): boolean {
  if (isAlreadyBlocked(lot)) return false;
  return ticks[lot.lotId] ?? true;
}

/** The containmentLotIds of the decision, in the report's order. */
export function chosenContainmentLotIds(report: ContainmentReport | null, ticks: ContainmentTicks): string[] {
  return report === null ? [] : report.lots.filter((lot) => isChosenToBlock(lot, ticks)).map((lot) => lot.lotId);
}
