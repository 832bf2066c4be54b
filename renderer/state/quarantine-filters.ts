// The Quarantine view's filters (plant, item, supplier, time on hold) as plain data and pure
// functions: the grid applies them as an external filter, the scan field asks which of them hide a lot.
import type { QuarantineRow } from '../../shared/api/quarantine';
import { heldForMs, type HeldRow } from './hold-time';

export const ageFilters = ['any', 'over-4h', 'over-24h', 'over-3d'] as const;
export type AgeFilter = (typeof ageFilters)[number];

const hourMs = 3_600_000;
const ageFilterMinimumMs: Record<AgeFilter, number> = {
  any: 0,
  'over-4h': 4 * hourMs,
  'over-24h': 24 * hourMs,
  'over-3d': 72 * hourMs,
};

export const ageFilterLabels: Record<AgeFilter, string> = {
  any: 'Any time on hold',
  'over-4h': 'On hold > 4 h',
  'over-24h': 'On hold > 24 h',
  'over-3d': 'On hold > 3 d',
};

/** The supplier filter's value for lots made in-house (no supplier on record); ids never hold a space. */
export const inHouseSupplier = 'in house';

export interface QuarantineFilters {
  /** null: any. */
  plant: string | null;
  itemId: string | null;
  /** A supplier id, inHouseSupplier, or null for any. */
  supplierId: string | null;
  age: AgeFilter;
}

export type QuarantineFilterName = keyof QuarantineFilters;

export const noFilters: QuarantineFilters = { plant: null, itemId: null, supplierId: null, age: 'any' };

export function isFiltering(filters: QuarantineFilters): boolean {
  return filters.plant !== null || filters.itemId !== null || filters.supplierId !== null || filters.age !== 'any';
}

type FilteredRow = Pick<QuarantineRow, 'plant' | 'itemId' | 'supplierId'> & HeldRow;

/** The filters that hide the row now, in the order of the filter bar; empty when it is shown. */
export function filtersHiding(row: FilteredRow, filters: QuarantineFilters, now: number): QuarantineFilterName[] {
  const hiding: QuarantineFilterName[] = [];
  if (filters.plant !== null && row.plant !== filters.plant) hiding.push('plant');
  if (filters.itemId !== null && row.itemId !== filters.itemId) hiding.push('itemId');
  if (filters.supplierId !== null && (row.supplierId ?? inHouseSupplier) !== filters.supplierId) hiding.push('supplierId');
  if (filters.age !== 'any') {
    // Time on hold, until the decision once decided. A lot whose hold time is unknown is not known to be old enough.
    const held = heldForMs(row, now);
    if (Number.isNaN(held) || held <= ageFilterMinimumMs[filters.age]) hiding.push('age');
  }
  return hiding;
}

export function lotMatchesFilters(row: FilteredRow, filters: QuarantineFilters, now: number): boolean {
  return filtersHiding(row, filters, now).length === 0;
}

/** The filters with the named ones set back to "any". */
export function withoutFilters(filters: QuarantineFilters, names: readonly QuarantineFilterName[]): QuarantineFilters {
  const next = { ...filters };
  for (const name of names) {
    if (name === 'age') next.age = 'any';
    else next[name] = null;
  }
  return next;
}

export interface FilterOption {
  value: string;
  label: string;
}

export interface QuarantineFilterOptions {
  plants: FilterOption[];
  items: FilterOption[];
  suppliers: FilterOption[];
}

const byLabel = (a: FilterOption, b: FilterOption) => a.label.localeCompare(b.label, 'en', { numeric: true });

/**
 * What the filter bar offers: the plants, items and suppliers of the lots listed. A filter's current
 * value stays offered when no lot has it any more, so the select never shows a value it cannot name.
 */
export function filterOptions(rows: readonly Pick<QuarantineRow, 'plant' | 'itemId' | 'itemDescription' | 'supplierId'>[], current: QuarantineFilters = noFilters): QuarantineFilterOptions {
  const plants = new Map<string, string>();
  const items = new Map<string, string>();
  const suppliers = new Map<string, string>();
  for (const row of rows) {
    plants.set(row.plant, row.plant);
    items.set(row.itemId, `${row.itemId} — ${row.itemDescription}`);
    suppliers.set(row.supplierId ?? inHouseSupplier, row.supplierId ?? 'In-house production');
  }
  if (current.plant !== null && !plants.has(current.plant)) plants.set(current.plant, current.plant);
  if (current.itemId !== null && !items.has(current.itemId)) items.set(current.itemId, current.itemId);
  if (current.supplierId !== null && !suppliers.has(current.supplierId)) {
    suppliers.set(current.supplierId, current.supplierId === inHouseSupplier ? 'In-house production' : current.supplierId);
  }
  const options = (map: Map<string, string>) => [...map].map(([value, label]) => ({ value, label })).sort(byLabel);
  return { plants: options(plants), items: options(items), suppliers: options(suppliers) };
}
