// Domain vocabulary shared by the core, the hosts, the renderer and the simulator.
import { z } from 'zod';

export const stockTypes = ['unrestricted', 'quality-inspection', 'blocked', 'restricted', 'in-transit'] as const;
export const stockTypeSchema = z.enum(stockTypes);
export type StockType = z.infer<typeof stockTypeSchema>;

/**
 * Where a usage decision can post (part of) a lot on hold, in SAP QM's terms: release to unrestricted,
 * use-as-is under a deviation (restricted), rework, keep blocked, scrap, return to vendor.
 */
export const dispositionDecisions = ['release', 'use-as-is', 'rework', 'keep-blocked', 'scrap', 'return-to-vendor'] as const;
export const dispositionDecisionSchema = z.enum(dispositionDecisions);
export type DispositionDecision = z.infer<typeof dispositionDecisionSchema>;

export const roles = ['planner', 'quality-engineer', 'supervisor', 'operator'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Identifier fields: non-empty, trimmed, bounded so a bad message cannot bloat the store. */
export const idSchema = z.string().trim().min(1).max(80);
export const quantitySchema = z.number().finite().nonnegative();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
/** A unit of measure as a plant's system spells it (KGM, Stk, lbs): the text of a B2MML UnitOfMeasure. */
export const plantUnitCodeSchema = z.string().trim().min(1).max(20);

/** The upstream version of an entity that a decision was based on. */
export const basedOnSchema = z.object({
  entity: z.literal('lot'),
  id: idSchema,
  version: z.number().int().nonnegative(),
});
export type BasedOn = z.infer<typeof basedOnSchema>;

/**
 * Where stock goes once a usage decision posts it upstream. Scrap and return to vendor take it out of
 * the plant's stock; use-as-is is usable only under its deviation, so restricted.
 */
export function stockAfterDisposition(decision: DispositionDecision): { stockType: StockType; keepsQuantity: boolean } {
  switch (decision) {
    case 'release':
      return { stockType: 'unrestricted', keepsQuantity: true };
    case 'use-as-is':
      return { stockType: 'restricted', keepsQuantity: true };
    case 'rework':
    case 'keep-blocked':
      return { stockType: 'blocked', keepsQuantity: true };
    case 'scrap':
    case 'return-to-vendor':
      return { stockType: 'blocked', keepsQuantity: false };
  }
}
