// A cycle count as the plant's WMS reports it, and the rule that settles it: a variance within the
// item class's tolerance (in quantity and in value, both) is adjusted at once; above either, the bin's
// picks pause and a supervisor approves the adjustment first (settings' `cycleCount.tolerance`).
import { z } from 'zod';
import { idSchema, isoDateTimeSchema, quantitySchema } from './domain';

/** ABC classes: A items are few and dear, counted often and held to the tightest tolerance. */
export const itemClasses = ['A', 'B', 'C'] as const;
export type ItemClass = (typeof itemClasses)[number];

const toleranceSchema = z.strictObject({
  /** Largest difference, as a share of the book quantity in percent, adjusted without approval. */
  quantityPercent: z.number().nonnegative().max(100),
  /** Largest value of the difference (in the plant's currency) adjusted without approval. */
  value: z.number().nonnegative(),
});
export type Tolerance = z.infer<typeof toleranceSchema>;

const defaultTolerances = { A: { quantityPercent: 1, value: 100 }, B: { quantityPercent: 2, value: 250 }, C: { quantityPercent: 5, value: 500 } };

export const cycleCountSettingsSchema = z
  .strictObject({
    tolerance: z
      .strictObject({ A: toleranceSchema.default(defaultTolerances.A), B: toleranceSchema.default(defaultTolerances.B), C: toleranceSchema.default(defaultTolerances.C) })
      .default(defaultTolerances),
  })
  .default({ tolerance: defaultTolerances });
export type CycleCountSettings = z.infer<typeof cycleCountSettingsSchema>;
export const defaultCycleCountSettings: CycleCountSettings = cycleCountSettingsSchema.parse(undefined);

/** A movement of the bin before the count, as the WMS lists it beside the count. */
export const binMovementSchema = z.object({
  at: isoDateTimeSchema,
  kind: z.enum(['goods-receipt', 'goods-issue', 'transfer-in', 'transfer-out', 'adjustment']),
  /** Signed: into the bin positive, out of it negative. */
  quantity: z.number().finite(),
  document: idSchema,
});
export type BinMovement = z.infer<typeof binMovementSchema>;

/** `cyclecount.variance`: a bin counted, and what the book says it holds. */
export const cycleCountSchema = z.object({
  /** Short enough for the approval named after it (AP-…) to be an id too. */
  countId: idSchema.max(60),
  plant: idSchema,
  bin: idSchema,
  itemId: idSchema,
  /** The lot in the bin, when the bin holds one lot. */
  lotId: idSchema.optional(),
  itemClass: z.enum(itemClasses),
  countedQuantity: quantitySchema,
  bookQuantity: quantitySchema,
  unit: idSchema,
  /** The item's valuation price per unit, as the ERP's material master gives it to the WMS. */
  unitPrice: z.number().finite().nonnegative(),
  countedBy: idSchema,
  countedAt: isoDateTimeSchema,
  /** The bin's picks are paused already (by a disputed count). */
  picksPaused: z.boolean().default(false),
  /** The disputed count this one counts again: within tolerance, it releases the bin that one paused. */
  recountOf: idSchema.optional(),
  /** The bin's last movements before the count, newest first. */
  lastMovements: z.array(binMovementSchema).max(20).default([]),
});
export type CycleCount = z.infer<typeof cycleCountSchema>;

export interface Variance {
  /** Counted minus book: negative when stock is missing. */
  difference: number;
  /** The difference's share of the book quantity in percent (100 when the book says nothing is there). */
  percent: number;
  /** The difference's value, always positive. */
  value: number;
  withinTolerance: boolean;
}

const round = (n: number, places: number): number => Math.round(n * 10 ** places) / 10 ** places;

/** The count against its book, judged by its item class's tolerance. */
export function varianceOf(count: Pick<CycleCount, 'countedQuantity' | 'bookQuantity' | 'unitPrice' | 'itemClass'>, settings: CycleCountSettings): Variance {
  const difference = round(count.countedQuantity - count.bookQuantity, 3);
  // Judged unrounded: 1.004 % is not within 1 %.
  const exactPercent = count.bookQuantity === 0 ? (difference === 0 ? 0 : 100) : (Math.abs(difference) / count.bookQuantity) * 100;
  const exactValue = Math.abs(difference) * count.unitPrice;
  const tolerance = settings.tolerance[count.itemClass];
  return { difference, percent: round(exactPercent, 2), value: round(exactValue, 2), withinTolerance: exactPercent <= tolerance.quantityPercent && exactValue <= tolerance.value };
}

/** A book adjustment of one count: `quantity` is the difference (counted minus book), in the count's unit. */
export const inventoryAdjustmentSchema = z.object({
  countId: idSchema,
  plant: idSchema,
  bin: idSchema,
  itemId: idSchema,
  lotId: idSchema.optional(),
  quantity: z.number().finite(),
  unit: idSchema,
});

/** What an adjustment approval carries: the count, its book, and why it is above tolerance. */
export const adjustmentRequestSchema = cycleCountSchema.extend({
  difference: z.number().finite(),
  percent: z.number().finite().nonnegative(),
  value: z.number().finite().nonnegative(),
  tolerance: toleranceSchema,
});
export type AdjustmentRequest = z.infer<typeof adjustmentRequestSchema>;

/** A count's adjustment approval is named after the count: every workstation asks under the same id. */
export const adjustmentApprovalId = (countId: string): string => `AP-${countId}`;
