// Gross requirements per item and plant, and their grouping into orders: the generator plans the
// dataset the way an MRP run would, so the supply it writes mostly meets the demand on time.

export interface Requirement {
  day: number;
  quantity: number;
  priority: number;
}

export type Requirements = Map<string, Requirement[]>;

export const requirementKey = (itemId: string, plant: string) => `${itemId}@${plant}`;

export function splitKey(key: string): { itemId: string; plant: string } {
  const at = key.lastIndexOf('@');
  return { itemId: key.slice(0, at), plant: key.slice(at + 1) };
}

export function addRequirement(requirements: Requirements, itemId: string, plant: string, requirement: Requirement): void {
  const key = requirementKey(itemId, plant);
  const list = requirements.get(key);
  if (list) list.push(requirement);
  else requirements.set(key, [requirement]);
}

export function countRequirements(requirements: Requirements): number {
  let count = 0;
  for (const list of requirements.values()) count += list.length;
  return count;
}

/**
 * How likely a requirement starts a new order so that, in expectation, `target` orders cover all
 * requirements: every item and plant's first requirement starts one, the rest start one at this rate.
 */
export function newOrderRate(requirements: Requirements, target: number): number {
  const keys = requirements.size;
  const total = countRequirements(requirements);
  return total <= keys ? 1 : Math.min(1, Math.max(0, (target - keys) / (total - keys)));
}

/** Groups requirements in need order into consecutive batches; each after the first starts at `rate`. */
export function* batches(list: readonly Requirement[], rate: number, next: () => number): Generator<Requirement[]> {
  const sorted = [...list].sort((a, b) => a.day - b.day);
  let batch: Requirement[] = [];
  for (const requirement of sorted) {
    if (batch.length > 0 && next() < rate) {
      yield batch;
      batch = [];
    }
    batch.push(requirement);
  }
  if (batch.length > 0) yield batch;
}

export const sumQuantity = (batch: readonly Requirement[]) => Math.round(batch.reduce((sum, r) => sum + r.quantity, 0) * 1000) / 1000;
