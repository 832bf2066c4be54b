// A small plan for line-stop tests: one stopped line, a line elsewhere with room, one full.
import type { PlanningDataset } from '../../orchestration-core/store/planning-repo';

// FG-1 is made on P1/L1 (MO-1 for CO-1 on 12-05, MO-2 for CO-2 on 12-07); P2/L9 can make it with room
// (MO-X loads it 20 a day of 40), P2/L8 can make it but is full; P2 ships to P1 in a day.
export const lineStopPlanning: PlanningDataset = {
  today: '2026-12-01',
  plants: [{ id: 'P1', name: 'Plant 1', role: 'high-volume' }, { id: 'P2', name: 'Plant 2', role: 'custom' }],
  items: [
    { id: 'FG-1', description: 'Hydraulic cylinder', unit: 'EA', kind: 'manufactured', supplierIds: [], leadTimeDays: 2 },
    { id: 'FG-9', description: 'Valve block', unit: 'EA', kind: 'manufactured', supplierIds: [], leadTimeDays: 2 },
  ],
  bomLines: [],
  suppliers: [],
  poLines: [],
  productionOrders: [
    { id: 'MO-1', itemId: 'FG-1', plant: 'P1', line: 'L1', quantity: 48, startDate: '2026-12-02', dueDate: '2026-12-04', priority: 1, components: [] },
    { id: 'MO-2', itemId: 'FG-1', plant: 'P1', line: 'L1', quantity: 30, startDate: '2026-12-05', dueDate: '2026-12-06', priority: 1, components: [] },
    { id: 'MO-X', itemId: 'FG-9', plant: 'P2', line: 'L9', quantity: 60, startDate: '2026-12-02', dueDate: '2026-12-04', priority: 1, components: [] },
    { id: 'MO-Y', itemId: 'FG-9', plant: 'P2', line: 'L8', quantity: 30, startDate: '2026-12-01', dueDate: '2026-12-10', priority: 1, components: [] },
  ],
  customerOrders: [
    { id: 'CO-1', customerId: 'C-1', itemId: 'FG-1', plant: 'P1', quantity: 48, shipDate: '2026-12-05', value: 10_000, priority: 1 },
    { id: 'CO-2', customerId: 'C-2', itemId: 'FG-1', plant: 'P1', quantity: 30, shipDate: '2026-12-07', value: 6_000, priority: 1 },
  ],
  lots: [],
  transfers: [],
  lanes: [{ fromPlant: 'P2', toPlant: 'P1', costPerUnit: 2, transitDays: 1 }],
  safetyStocks: [],
  lines: [
    { plant: 'P1', line: 'L1', capacityPerDay: 40 },
    { plant: 'P2', line: 'L9', capacityPerDay: 40 },
    { plant: 'P2', line: 'L8', capacityPerDay: 5 },
  ],
  routings: [
    { itemId: 'FG-1', plant: 'P1', line: 'L1' },
    { itemId: 'FG-1', plant: 'P2', line: 'L9' },
    { itemId: 'FG-1', plant: 'P2', line: 'L8' },
  ],
};
