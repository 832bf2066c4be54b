// A plan worked by hand over a three-level bill of materials: RM-1 (stock 5, PO-1/10 on 05 Dec, PO-2/10
// on 20 Dec) -> SA-1 (MO-SA) -> FG-1 (MO-FG) -> CO-1 on 20 Dec; CO-2 on 10 Dec takes FG-1's stock first.
//
// RM-1: MO-SA needs 20 on 08 Dec; 5 + 10 are there, the last 5 come with PO-2/10 on 20 Dec: 12 d late.
// MO-SA finishes 12 + 12 = 24 Dec; MO-FG needs SA-1 on 15 Dec: 9 d late, finishes 18 + 9 = 27 Dec.
// FG-1: stock 5 covers CO-2; CO-1 waits for MO-FG's output: 27 Dec, 7 d late.
import type { Dataset } from '../../shared/dataset';
import { handBuilt } from './hand-built-dataset';

/** The same day, plant, units and supplier as the two-level plan of hand-built-dataset.ts. */
export const threeLevels: Dataset = {
  ...handBuilt,
  items: [
    { id: 'RM-1', description: 'Steel bar', unit: 'M', kind: 'purchased', supplierIds: ['S-1'], leadTimeDays: 10 },
    { id: 'SA-1', description: 'Machined piston', unit: 'EA', kind: 'manufactured', supplierIds: [], leadTimeDays: 4 },
    { id: 'FG-1', description: 'Hydraulic cylinder', unit: 'EA', kind: 'manufactured', supplierIds: [], leadTimeDays: 3 },
  ],
  bomLines: [
    { parentItemId: 'SA-1', componentItemId: 'RM-1', quantityPer: 2, alternates: [] },
    { parentItemId: 'FG-1', componentItemId: 'SA-1', quantityPer: 1, alternates: [] },
  ],
  poLines: [
    { id: 'PO-1/10', supplierId: 'S-1', itemId: 'RM-1', plant: 'P1', quantity: 10, expectedDate: '2026-12-05', confirmed: true, asnId: null },
    { id: 'PO-2/10', supplierId: 'S-1', itemId: 'RM-1', plant: 'P1', quantity: 10, expectedDate: '2026-12-20', confirmed: true, asnId: 'ASN-7' },
  ],
  productionOrders: [
    { id: 'MO-SA', itemId: 'SA-1', plant: 'P1', line: 'L1', quantity: 10, startDate: '2026-12-08', dueDate: '2026-12-12', priority: 1, components: [{ itemId: 'RM-1', quantity: 20 }] },
    { id: 'MO-FG', itemId: 'FG-1', plant: 'P1', line: 'L2', quantity: 10, startDate: '2026-12-15', dueDate: '2026-12-18', priority: 1, components: [{ itemId: 'SA-1', quantity: 10 }] },
  ],
  customerOrders: [
    { id: 'CO-1', customerId: 'C-1', itemId: 'FG-1', plant: 'P1', quantity: 10, shipDate: '2026-12-20', value: 5_000, priority: 2 },
    { id: 'CO-2', customerId: 'C-2', itemId: 'FG-1', plant: 'P1', quantity: 5, shipDate: '2026-12-10', value: 2_500, priority: 1 },
  ],
  lots: [
    { lotId: 'L-RM', itemId: 'RM-1', plant: 'P1', quantity: 5, stockType: 'unrestricted' },
    { lotId: 'L-RMB', itemId: 'RM-1', plant: 'P1', quantity: 7, stockType: 'blocked' },
    { lotId: 'L-FG', itemId: 'FG-1', plant: 'P1', quantity: 5, stockType: 'unrestricted' },
  ],
  transfers: [],
  lanes: [],
  safetyStocks: [{ itemId: 'RM-1', plant: 'P1', quantity: 2 }],
  lines: [],
  routings: [],
};
