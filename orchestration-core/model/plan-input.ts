// What the planning rule and rebalancing read: supply and demand, as records of the dataset.
import type { Dataset } from '../../shared/dataset';

export type PlanInput = Pick<Dataset, 'lots' | 'poLines' | 'productionOrders' | 'customerOrders' | 'transfers'>;
