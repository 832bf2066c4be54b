// The simulated WMS counts a bin: one lot's bin at a plant, the book from the lot, and a count off by a
// little (within every item class's default tolerance) or by much (above any). The item's class and
// price stand in for the ERP's material master, derived from the item's id so they never change.
import type { CycleCount, ItemClass } from '../shared/cycle-count';
import type { GatewayStore } from './gateway-store';
import type { Random } from './random';
import type { LotRecord } from './records';
import { isSimulatedPlant } from './streams';

export interface CycleCountOptions {
  /** The lot whose bin is counted; a random lot of a simulated plant otherwise. */
  lotId?: string;
  /** Off by 8 % (above tolerance) rather than within it; random (one count in three) otherwise. */
  aboveTolerance?: boolean;
  /** Who counted (a user of the WMS); op.lena by default. */
  countedBy?: string;
}

export class CycleCountError extends Error {}

const classes: readonly ItemClass[] = ['A', 'B', 'C'];

/** A stable number from an id: its class and price stay the same at every count. */
function hashOf(id: string): number {
  let hash = 7;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
  return hash;
}

export const itemClassOf = (itemId: string): ItemClass => classes[hashOf(itemId) % 3]!;
/** Dearer for A items: 20 to 90 per unit; B 5 to 20; C 0.5 to 5 (one unit off is within every class's value tolerance). */
export function unitPriceOf(itemId: string): number {
  const spread = (hashOf(itemId) % 1000) / 1000;
  const ranges: Record<ItemClass, { low: number; high: number }> = { A: { low: 20, high: 90 }, B: { low: 5, high: 20 }, C: { low: 0.5, high: 5 } };
  const { low, high } = ranges[itemClassOf(itemId)];
  return Math.round((low + (high - low) * spread) * 100) / 100;
}

/** Every lot has its own bin in the simulated WMS. */
export const binOf = (lot: Pick<LotRecord, 'lotId' | 'plant'>): string => `${lot.plant}-${lot.lotId.replace(/^L-/, 'B')}`;

function countableLot(store: GatewayStore, random: Random, lotId: string | undefined): LotRecord {
  if (lotId !== undefined) {
    const lot = store.lot(lotId);
    if (!lot) throw new CycleCountError(`lotId: unknown lot ${lotId}`);
    if (!isSimulatedPlant(lot.plant)) throw new CycleCountError(`lotId: lot ${lotId} is at ${lot.plant}, whose WMS this gateway does not play`);
    if (lot.quantity <= 0) throw new CycleCountError(`lotId: lot ${lotId} holds nothing to count`);
    return lot;
  }
  const lots = store.lots().filter((lot) => isSimulatedPlant(lot.plant) && lot.quantity >= 200 && lot.stockType === 'unrestricted');
  if (lots.length === 0) throw new CycleCountError('lotId: no unrestricted lot of 200 units or more at a simulated plant to count');
  return random.pick(lots);
}

export function takeCycleCount(store: GatewayStore, random: Random, now: Date, options: CycleCountOptions): CycleCount {
  // A recount the WMS was asked for comes first, unless a lot is named.
  const recount = options.lotId === undefined ? store.cycleCounts.nextRecount()?.count.lotId : undefined;
  const lot = countableLot(store, random, options.lotId ?? recount);
  const above = options.aboveTolerance ?? random.int(1, 3) === 1;
  const decimals = store.decimalsOf(lot.unit);
  const step = 10 ** -decimals;
  const price = unitPriceOf(lot.itemId);
  const inSteps = (quantity: number) => Math.round(quantity * 10 ** decimals) / 10 ** decimals;
  // Above: 8 % off, more than any class allows. Within: 0.5 % off and worth at most 90, inside every
  // class's default (1 % and 100 for A items) when the lot holds 200 units or more.
  const off = Math.max(step, above ? inSteps(lot.quantity * 0.08) : Math.min(inSteps(lot.quantity * 0.005), Math.floor((90 / price) * 10 ** decimals) / 10 ** decimals));
  // Missing stock more often than found; never below zero.
  const sign = random.int(1, 4) === 1 ? 1 : -1;
  const counted = Math.max(0, Math.round((lot.quantity + sign * off) * 10 ** decimals) / 10 ** decimals);
  const issued = Math.max(step, Math.round(lot.quantity * 0.1 * 10 ** decimals) / 10 ** decimals);
  const countId = store.cycleCounts.nextId();
  const pausedFor = store.cycleCounts.pausedBy(lot.plant, binOf(lot));
  const count: CycleCount = {
    countId,
    plant: lot.plant,
    bin: binOf(lot),
    itemId: lot.itemId,
    lotId: lot.lotId,
    itemClass: itemClassOf(lot.itemId),
    countedQuantity: counted,
    bookQuantity: lot.quantity,
    unit: lot.unit,
    unitPrice: price,
    countedBy: options.countedBy ?? 'op.lena',
    countedAt: now.toISOString(),
    picksPaused: pausedFor !== undefined,
    // The bin paused for a disputed count: this one counts it again.
    ...(pausedFor === undefined ? {} : { recountOf: pausedFor }),
    // What the book adds up from: the lot's receipt, and an issue to production since.
    lastMovements: [
      { at: new Date(now.getTime() - 26 * 3_600_000).toISOString(), kind: 'goods-issue', quantity: -issued, document: `GI-${lot.lotId}` },
      { at: new Date(now.getTime() - 72 * 3_600_000).toISOString(), kind: 'goods-receipt', quantity: Math.round((lot.quantity + issued) * 10 ** decimals) / 10 ** decimals, document: `GR-${lot.lotId}` },
    ],
  };
  store.cycleCounts.record(count);
  return count;
}
