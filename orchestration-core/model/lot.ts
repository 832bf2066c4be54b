// A lot as last known upstream: where it is, how much, in which stock type, at which version.
import type { StockType } from '../../shared/domain';

export interface Lot {
  lotId: string;
  itemId: string;
  plant: string;
  quantity: number;
  unit: string;
  stockType: StockType;
  supplierId: string | null;
  version: number;
}
