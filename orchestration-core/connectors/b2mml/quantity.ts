// B2MML quantities: a QuantityString (text, so "0010" and "1.000" survive the wire) with a unit.
import { childrenNamed, eachChild, optionalText, reject, requiredText, type XmlElement } from './xml-element';

export interface Amount {
  quantity: number;
  unit?: string;
}

const decimalPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A non-negative decimal, or a rejection that names the path and the text. */
export function parseQuantityText(text: string, path: string): number {
  const value = decimalPattern.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) reject(path, `"${text}" is not a number`);
  if (value < 0) reject(path, `${text} is negative`);
  return value;
}

export interface QuantityReading extends Amount {
  /** The V0700 Key that tells several quantities of one object apart (e.g. Scrap). */
  key?: string;
}

export function readQuantity(quantity: XmlElement, path: string): QuantityReading {
  const value = parseQuantityText(requiredText(quantity, 'QuantityString', path), `${path}.QuantityString`);
  return { quantity: value, unit: optionalText(quantity, 'UnitOfMeasure'), key: optionalText(quantity, 'Key') };
}

/**
 * The amount an element's Quantity children state, or undefined when it has none. Quantities in the
 * unit of the first are parts of one amount (told apart by Key) and add up; quantities in another
 * unit restate the same amount (100 KG as 4 drums) and are left out.
 */
export function totalQuantity(owner: XmlElement, path: string, counts: (reading: QuantityReading) => boolean = () => true): Amount | undefined {
  const readings = eachChild(owner, 'Quantity', path)
    .map(({ element, path: quantityPath }) => readQuantity(element, quantityPath))
    .filter(counts);
  const first = readings[0];
  if (!first) return undefined;
  const sameUnit = readings.filter((reading) => reading.unit === first.unit);
  return { quantity: sumQuantities(sameUnit.map((reading) => reading.quantity)), unit: first.unit };
}

export function hasQuantity(owner: XmlElement): boolean {
  return childrenNamed(owner, 'Quantity').length > 0;
}

/** Sums without the binary-fraction noise (0.1 + 0.2) that would show in a grid. */
export function sumQuantities(quantities: readonly number[]): number {
  const sum = quantities.reduce((total, quantity) => total + quantity, 0);
  return Number(sum.toFixed(9));
}
