// Quantities as a quality engineer reads them: thousands separators, up to three decimals, with the unit.
// One fixed locale keeps the grid, the panel and the tests in agreement; a UI setting can change it later.
const quantityFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

export function formatQuantity(value: number, unit: string): string {
  const number = quantityFormat.format(value);
  return unit ? `${number} ${unit}` : number;
}

export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${quantityFormat.format(count)} ${count === 1 ? singular : plural}`;
}
