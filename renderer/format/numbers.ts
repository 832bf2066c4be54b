// Quantities and money as planners and quality engineers read them: thousands separators, a quantity to
// its unit's decimals with the unit, money with its currency. One fixed locale (en-US) keeps the grid,
// the panel, what a user types and the tests in agreement; the master data says each unit's decimals.
import { decimalsOf } from '../../shared/units';
import { useMasterStore } from '../state/master-slice';

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', options);
    formats.set(key, format);
  }
  return format;
}

/** The decimals of a unit as the master data has them (3 for one it does not list). */
export function unitDecimals(unit: string): number {
  return decimalsOf(unit, useMasterStore.getState().units);
}

/** A number to at most `decimals` places, grouped: "3,086", "12.5". */
export function formatNumber(value: number, decimals = 3): string {
  return numberFormat(`n${decimals}`, { maximumFractionDigits: decimals }).format(value);
}

/** "1,100 EA", "93.4 KG": never more decimals than the unit has (a whole unit reads whole). */
export function formatQuantity(value: number, unit: string): string {
  const number = formatNumber(value, unit ? unitDecimals(unit) : 3);
  return unit ? `${number} ${unit}` : number;
}

/** Quantities of several units side by side, never added up: "120,000 EA, 2,300.5 KG"; "none" without any. */
export function formatPerUnit(byUnit: Readonly<Record<string, number>>): string {
  const units = Object.keys(byUnit).sort();
  return units.length === 0 ? 'none' : units.map((unit) => formatQuantity(byUnit[unit]!, unit)).join(', ');
}

export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count, 0)} ${count === 1 ? singular : plural}`;
}

/** The company currency's code, once the core said it. */
export function currencyCode(): string | null {
  return useMasterStore.getState().currency;
}

/**
 * An amount in the company currency, whole units, with its code: "EUR 220,886". Whole units are what a
 * planner compares at the scale of order values.
 */
export function formatMoney(value: number): string {
  // Rounding first keeps -0.4 from reading "-0".
  const whole = Math.round(value) || 0;
  const currency = currencyCode();
  if (!currency) return numberFormat('m', { maximumFractionDigits: 0 }).format(whole);
  return numberFormat(`c${currency}`, { style: 'currency', currency, currencyDisplay: 'code', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(whole).replace(/\u00a0/g, ' ');
}

/** A cost per unit, to the cent: "EUR 2.35". */
export function formatUnitCost(value: number): string {
  const currency = currencyCode();
  const number = numberFormat('u', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  return currency ? `${currency} ${number}` : number;
}

const percentFormat = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** A share from 0..1 as a percentage, to a tenth where it matters: "10%", "92.5%". */
export function formatPercent(rate: number): string {
  return percentFormat.format(rate);
}
