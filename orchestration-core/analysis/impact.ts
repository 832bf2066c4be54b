// The impact of a disruption, from two plans: the orders the plan after it makes later than the plan
// before it.
import type { CustomerOrder } from '../../shared/dataset';
import { impactOf, type Impact, type ImpactedCustomerOrder, type ImpactedOrder } from '../model/impact';
import type { DemandOutcome, Plan } from './plan-types';

/** How much later an order got; null when it is no later than before. Missing before: on time. */
export function worse(before: DemandOutcome | undefined, after: DemandOutcome): Omit<ImpactedOrder, 'id'> | null {
  const was = before === undefined ? 0 : before.daysLate;
  if (was === null) return null;
  if (after.daysLate === null) return { daysLate: null, addedDaysLate: null, unfulfilled: true };
  return after.daysLate > was ? { daysLate: after.daysLate, addedDaysLate: after.daysLate - was, unfulfilled: false } : null;
}

export function planImpact(before: Plan, after: Plan, customerOrders: readonly CustomerOrder[]): Impact {
  const productionOrders: ImpactedOrder[] = [];
  for (const [id, outcome] of after.productionOrders) {
    const hit = worse(before.productionOrders.get(id), outcome);
    if (hit) productionOrders.push({ id, ...hit });
  }
  const valueOf = new Map(customerOrders.map((order) => [order.id, order.value]));
  const hitCustomers: ImpactedCustomerOrder[] = [];
  for (const [id, outcome] of after.customerOrders) {
    const hit = worse(before.customerOrders.get(id), outcome);
    if (hit) hitCustomers.push({ id, ...hit, revenueAtRisk: valueOf.get(id) ?? 0 });
  }
  return impactOf(productionOrders, hitCustomers);
}
