// Which receipts cover which requirement, by the planning rule's own first-come first-served order:
// supplies in date order (ties as given), requirements in need order, each requirement taking the
// next part of the cumulative supply. Its lateness is computed exactly as pegDemands does, so the
// pegging a planner reads is the one the plan's lateness came from.
import { byNeed, type PeggedDemand } from './plan';

/** Quantities below this are rounding, not shortage (as in the planning rule). */
const epsilon = 1e-9;

export interface PegSupply {
  day: number;
  quantity: number;
}

export interface Allocation<S> {
  supply: S;
  quantity: number;
}

export interface PeggedRequirement<S> {
  /** Days late; null when the supply never covers it. */
  daysLate: number | null;
  /** The day cumulative supply first covers it; null when never. */
  coveredDay: number | null;
  /** The parts of receipts it takes, in the order it takes them (the last one covers it). */
  from: Allocation<S>[];
}

/** Pegs `demands` to `supplies` (neither is changed) and says, per demand, what covers it and when. */
export function allocate<S extends PegSupply, D extends PeggedDemand>(supplies: readonly S[], demands: readonly D[]): Map<D, PeggedRequirement<S>> {
  const sortedSupply = [...supplies].sort((a, b) => a.day - b.day);
  const ends: number[] = [];
  let total = 0;
  for (const supply of sortedSupply) ends.push((total += supply.quantity));
  const outcome = new Map<D, PeggedRequirement<S>>();
  let supplied = 0;
  let next = 0;
  let coverDay = Number.NEGATIVE_INFINITY;
  let demanded = 0;
  // First supply whose cumulative end lies beyond where the current demand starts.
  let first = 0;
  for (const demand of [...demands].sort(byNeed)) {
    const from = demanded;
    demanded += demand.quantity;
    while (supplied + epsilon < demanded && next < sortedSupply.length) {
      supplied += sortedSupply[next]!.quantity;
      coverDay = sortedSupply[next++]!.day;
    }
    const covered = supplied + epsilon >= demanded;
    while (first < sortedSupply.length && ends[first]! <= from + epsilon) first += 1;
    const taken: Allocation<S>[] = [];
    for (let i = first; i < sortedSupply.length && ends[i]! - sortedSupply[i]!.quantity < demanded - epsilon; i++) {
      const start = ends[i]! - sortedSupply[i]!.quantity;
      const quantity = Math.min(demanded, ends[i]!) - Math.max(from, start);
      if (quantity > epsilon) taken.push({ supply: sortedSupply[i]!, quantity });
    }
    outcome.set(demand, {
      daysLate: covered ? Math.max(0, coverDay - demand.day) : null,
      coveredDay: covered ? Math.max(coverDay, demand.day) : null,
      from: taken,
    });
  }
  return outcome;
}
