// What the planning rule returns, and what rebalancing reads besides the plan's input.
import type { Dataset } from '../../shared/dataset';
import type { PlanInput } from '../model/plan-input';

/** One demand's place in the plan: late by days, or never covered (unfulfilled, daysLate null). */
export interface DemandOutcome {
  daysLate: number | null;
}

export interface PlannedProductionOrder extends DemandOutcome {
  /** The day its output arrives: due date plus its lateness; null when unfulfilled. */
  outputDay: number | null;
}

export interface Plan {
  productionOrders: Map<string, PlannedProductionOrder>;
  customerOrders: Map<string, DemandOutcome>;
}

/** What rebalancing reads besides supply and demand: the day it counts from and each plant's safety stock. */
export type BalanceInput = PlanInput & Pick<Dataset, 'today' | 'safetyStocks'>;

/** A balance input and the lanes transfers can take between plants. */
export type RebalanceInput = BalanceInput & Pick<Dataset, 'lanes'>;
