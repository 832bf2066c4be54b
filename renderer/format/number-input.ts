// Numbers as a user types them, read the way the app shows them (en-US): "1,100" is eleven hundred,
// "12.5" twelve and a half. A unit's decimals bound what may be typed: no 10.5 of a whole unit.

export type NumberInput = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; problem: string };

/** Digits grouped in threes with commas, or not grouped at all; then an optional decimal part. */
const pattern = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?$/;

/**
 * "1,100", "1100", "12.5", ".5" read as numbers; "" is empty. `decimals` and `unit`: what the quantity's
 * unit allows ("EA counts whole units", "KG: at most 3 decimals").
 */
export function parseNumberInput(text: string, decimals: number, unit = ''): NumberInput {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (!/\d/.test(trimmed) || !pattern.test(trimmed)) {
    if (/^\d+,\d{1,2}$/.test(trimmed) || /^\d{1,3}(,\d{3})*,\d{1,2}$/.test(trimmed)) return { kind: 'invalid', problem: `Use a point for decimals (${trimmed.replace(/,(\d{1,2})$/, '.$1').replace(/,/g, '')}); a comma groups thousands (1,000)` };
    if (/,/.test(trimmed) && /^[\d,.]+$/.test(trimmed)) return { kind: 'invalid', problem: 'Group thousands in threes, e.g. 1,000' };
    if (/^-\s*[\d,.]+$/.test(trimmed)) return { kind: 'invalid', problem: 'A quantity cannot be negative' };
    // The example fits the unit: no decimals offered for a whole unit.
    return { kind: 'invalid', problem: decimals === 0 ? 'Type a whole number, e.g. 1,200' : 'Type a number, e.g. 1,200 or 12.5' };
  }
  const value = Number(trimmed.replace(/,/g, ''));
  const fraction = /\.(\d*)$/.exec(trimmed)?.[1] ?? '';
  if (fraction.replace(/0+$/, '').length > decimals) {
    return { kind: 'invalid', problem: decimals === 0 ? `${unit || 'This unit'} counts whole units` : `At most ${decimals} decimals${unit ? ` in ${unit}` : ''}` };
  }
  return { kind: 'number', value };
}
