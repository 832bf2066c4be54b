// Changes to the planning input, one record at a time: what events and what-ifs do to supply and
// demand. applyPlanChange is the plain reading, used to plan from scratch; the plan index applies
// the same changes incrementally.
import type { CustomerOrder, PlanLot, PoLine, ProductionOrder, Transfer } from '../../shared/dataset';
import type { PlanInput } from './plan-input';

export type PlanChange =
  | { kind: 'poLine'; poLine: PoLine }
  | { kind: 'poLineRemoved'; id: string }
  | { kind: 'lot'; lot: PlanLot }
  | { kind: 'lotRemoved'; id: string }
  | { kind: 'productionOrder'; order: ProductionOrder }
  | { kind: 'productionOrderRemoved'; id: string }
  | { kind: 'customerOrder'; order: CustomerOrder }
  | { kind: 'customerOrderRemoved'; id: string }
  | { kind: 'transfer'; transfer: Transfer }
  | { kind: 'transferRemoved'; id: string };

function upsert<T>(rows: readonly T[], idOf: (row: T) => string, row: T): T[] {
  const id = idOf(row);
  const at = rows.findIndex((existing) => idOf(existing) === id);
  return at === -1 ? [...rows, row] : rows.map((existing, i) => (i === at ? row : existing));
}

const without = <T>(rows: readonly T[], idOf: (row: T) => string, id: string): T[] => rows.filter((row) => idOf(row) !== id);

const byId = (row: { id: string }) => row.id;
const byLotId = (row: PlanLot) => row.lotId;

export function applyPlanChange(input: PlanInput, change: PlanChange): PlanInput {
  switch (change.kind) {
    case 'poLine':
      return { ...input, poLines: upsert(input.poLines, byId, change.poLine) };
    case 'poLineRemoved':
      return { ...input, poLines: without(input.poLines, byId, change.id) };
    case 'lot':
      return { ...input, lots: upsert(input.lots, byLotId, change.lot) };
    case 'lotRemoved':
      return { ...input, lots: without(input.lots, byLotId, change.id) };
    case 'productionOrder':
      return { ...input, productionOrders: upsert(input.productionOrders, byId, change.order) };
    case 'productionOrderRemoved':
      return { ...input, productionOrders: without(input.productionOrders, byId, change.id) };
    case 'customerOrder':
      return { ...input, customerOrders: upsert(input.customerOrders, byId, change.order) };
    case 'customerOrderRemoved':
      return { ...input, customerOrders: without(input.customerOrders, byId, change.id) };
    case 'transfer':
      return { ...input, transfers: upsert(input.transfers, byId, change.transfer) };
    case 'transferRemoved':
      return { ...input, transfers: without(input.transfers, byId, change.id) };
  }
}
