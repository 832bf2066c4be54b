// Units of measure as master data holds them (SAP's T006: a unit and its decimal places): a whole unit
// (EA, PC) counts pieces, a decimal one (KG, M, L) is measured to its decimals. Every input of a
// quantity is checked against its unit, in the app and at the gateway alike.
import { z } from 'zod';
import { idSchema } from './domain';

export const unitOfMeasureSchema = z.object({
  unit: idSchema,
  /** Decimal places a quantity in this unit may have; 0: whole units only. */
  decimals: z.number().int().min(0).max(6),
  description: z.string().min(1).max(80),
});
export type UnitOfMeasure = z.infer<typeof unitOfMeasureSchema>;

/** The units the simulator's master data and datasets without a unit table use. */
export const standardUnits: readonly UnitOfMeasure[] = [
  { unit: 'EA', decimals: 0, description: 'each' },
  { unit: 'PC', decimals: 0, description: 'piece' },
  { unit: 'KG', decimals: 3, description: 'kilogram' },
  { unit: 'M', decimals: 3, description: 'metre' },
  { unit: 'L', decimals: 3, description: 'litre' },
];

/** The unit codes master data has, with the standard ones (a gateway that sent no unit table uses them), sorted. */
export function unitCodesOf(units: readonly UnitOfMeasure[]): string[] {
  return [...new Set([...standardUnits, ...units].map((unit) => unit.unit))].sort();
}

/** The unit's decimals; an unknown unit is taken as measured to the thousandth, as quantities are stored. */
export function decimalsOf(unit: string, units: readonly UnitOfMeasure[] = standardUnits): number {
  return units.find((u) => u.unit === unit)?.decimals ?? 3;
}

const scale = (decimals: number) => 10 ** decimals;

/** The quantity rounded to what the unit can hold (half up). */
export function roundToUnit(quantity: number, decimals: number): number {
  return Math.round(quantity * scale(decimals)) / scale(decimals);
}

/** The least quantity the unit can hold that is not below `quantity`: what a requirement of 2.4 EA needs. */
export function ceilToUnit(quantity: number, decimals: number): number {
  // Rounded first, so 3.0000000001 (floating point) does not become 4.
  return Math.ceil(roundToUnit(quantity, decimals + 6) * scale(decimals)) / scale(decimals);
}

/**
 * Why a quantity does not fit its unit, or null when it does: "10.5 EA is not a whole number; EA counts
 * whole units", "1.2345 KG has more than 3 decimals".
 */
export function quantityProblem(quantity: number, unit: string, decimals: number): string | null {
  if (roundToUnit(quantity, decimals) === quantity) return null;
  if (decimals === 0) return `${quantity} ${unit} is not a whole number; ${unit} counts whole units`;
  return `${quantity} ${unit} has more than ${decimals} decimals`;
}

/** A company currency: ISO 4217, three capital letters. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');
