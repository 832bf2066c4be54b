// Quantities and money as planners and quality engineers read them: thousands separators, with the unit.
// One fixed locale keeps the grid, the panel and the tests in agreement; a UI setting can change it later.
const quantityFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const moneyFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatQuantity(value: number, unit: string): string {
  const number = quantityFormat.format(value);
  return unit ? `${number} ${unit}` : number;
}

export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${quantityFormat.format(count)} ${count === 1 ? singular : plural}`;
}

/**
 * An amount in the company currency, whole units: "220,886". The contract names no currency, so none
 * is shown; whole units are what a planner compares at the scale of order values.
 */
export function formatMoney(value: number): string {
  // Rounding first keeps -0.4 from reading "-0".
  return moneyFormat.format(Math.round(value) || 0);
}

const percentFormat = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** A share from 0..1 as a percentage, to a tenth where it matters: "10%", "92.5%". */
export function formatPercent(rate: number): string {
  return percentFormat.format(rate);
}
