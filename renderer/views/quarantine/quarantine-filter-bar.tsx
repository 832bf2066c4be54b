// Filters above the quarantine grid: plant, item, supplier and time on hold. They live in the slice,
// so they survive a switch to another view, and the grid applies them as an external filter.
import { useMemo } from 'react';
import { ageFilterLabels, ageFilters, filterOptions, isFiltering, noFilters, type AgeFilter, type FilterOption } from '../../state/quarantine-filters';
import { useQuarantineStore } from '../../state/quarantine-slice';

function FilterSelect({ label, value, options, anyLabel, onChange, testId }: { label: string; value: string | null; options: FilterOption[]; anyLabel: string; onChange(value: string | null): void; testId: string }) {
  return (
    <label className="filter-select">
      <span className="filter-select__label">{label}</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)} data-testid={testId} data-active={value !== null || undefined}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function QuarantineFilterBar() {
  const rowsById = useQuarantineStore((state) => state.rowsById);
  const filters = useQuarantineStore((state) => state.filters);
  const filtersChanged = useQuarantineStore((state) => state.filtersChanged);
  const options = useMemo(() => filterOptions(Object.values(rowsById), filters), [rowsById, filters]);
  return (
    <div className="filter-bar" role="group" aria-label="Filter the lots">
      <FilterSelect label="Plant" value={filters.plant} options={options.plants} anyLabel="All plants" onChange={(plant) => filtersChanged({ ...filters, plant })} testId="filter-plant" />
      <FilterSelect label="Item" value={filters.itemId} options={options.items} anyLabel="All items" onChange={(itemId) => filtersChanged({ ...filters, itemId })} testId="filter-item" />
      <FilterSelect
        label="Supplier"
        value={filters.supplierId}
        options={options.suppliers}
        anyLabel="All suppliers"
        onChange={(supplierId) => filtersChanged({ ...filters, supplierId })}
        testId="filter-supplier"
      />
      <label className="filter-select">
        <span className="filter-select__label">On hold</span>
        <select value={filters.age} onChange={(event) => filtersChanged({ ...filters, age: event.target.value as AgeFilter })} data-testid="filter-age" data-active={filters.age !== 'any' || undefined}>
          {ageFilters.map((age) => (
            <option key={age} value={age}>
              {ageFilterLabels[age]}
            </option>
          ))}
        </select>
      </label>
      {isFiltering(filters) && (
        <button type="button" className="button button--small filter-bar__clear" onClick={() => filtersChanged(noFilters)} data-testid="filter-clear">
          Clear filters
        </button>
      )}
    </div>
  );
}
