// A plan small enough to work by hand, for tests of the planning rule as the CLI and workflows use it.
import type { Dataset } from '../../shared/dataset';
import { standardUnits } from '../../shared/units';

// RAW-1 (PO-1/10, 12-03) -> SA-1 (MO-SA) -> FG-1 (MO-FG) -> CO-1 on 12-10, worth 25,000.
export const handBuilt: Dataset = {
  schemaVersion: 1,
  seed: 0,
  scale: 1,
  today: '2026-12-01',
  currency: 'EUR',
  units: [...standardUnits],
  plants: [{ id: 'P1', name: 'Plant 1', role: 'high-volume' }],
  items: [
    { id: 'RAW-1', description: 'Steel bar', unit: 'M', kind: 'purchased', supplierIds: ['S-1'], leadTimeDays: 10 },
    { id: 'SA-1', description: 'Machined piston', unit: 'EA', kind: 'manufactured', supplierIds: [], leadTimeDays: 2 },
    { id: 'FG-1', description: 'Hydraulic cylinder', unit: 'EA', kind: 'manufactured', supplierIds: [], leadTimeDays: 2 },
  ],
  bomLines: [
    { parentItemId: 'SA-1', componentItemId: 'RAW-1', quantityPer: 1, alternates: [] },
    { parentItemId: 'FG-1', componentItemId: 'SA-1', quantityPer: 2, alternates: [] },
  ],
  suppliers: [{ id: 'S-1', name: 'Keller', onTimeRate: 0.9 }],
  poLines: [{ id: 'PO-1/10', supplierId: 'S-1', itemId: 'RAW-1', plant: 'P1', quantity: 100, expectedDate: '2026-12-03', confirmed: true, asnId: null }],
  productionOrders: [
    { id: 'MO-SA', itemId: 'SA-1', plant: 'P1', line: 'L1', quantity: 100, startDate: '2026-12-04', dueDate: '2026-12-06', priority: 1, components: [{ itemId: 'RAW-1', quantity: 100 }] },
    { id: 'MO-FG', itemId: 'FG-1', plant: 'P1', line: 'L1', quantity: 50, startDate: '2026-12-07', dueDate: '2026-12-09', priority: 1, components: [{ itemId: 'SA-1', quantity: 100 }] },
  ],
  customerOrders: [{ id: 'CO-1', customerId: 'C-1', itemId: 'FG-1', plant: 'P1', quantity: 50, shipDate: '2026-12-10', value: 25_000, priority: 1 }],
  lots: [],
  transfers: [],
  lanes: [],
  safetyStocks: [],
  lines: [],
  routings: [],
};
