// The Order Impact API: exceptions and, for one, the orders it hits with their dates and values.
import type Database from 'better-sqlite3';
import type { Handlers } from '../../shared/api';
import type { ImpactApi, ImpactedCustomerOrderRow, ImpactedProductionOrderRow } from '../../shared/api/impact';
import { ApiFailure } from '../../shared/api/result';
import type { Repos } from '../store/repos';

type ProductionFacts = Omit<ImpactedProductionOrderRow, 'daysLate' | 'addedDaysLate' | 'unfulfilled'>;
type CustomerFacts = Omit<ImpactedCustomerOrderRow, 'daysLate' | 'addedDaysLate' | 'unfulfilled' | 'revenueAtRisk'>;

export function createImpactHandlers(db: Database.Database, repos: Repos) {
  const productionFacts = db.prepare<[string], ProductionFacts>(
    `SELECT o.id, o.item_id AS itemId, coalesce(i.description, o.item_id) AS itemDescription, o.plant, o.quantity, o.line,
       o.start_date AS startDate, o.due_date AS dueDate
     FROM production_orders o LEFT JOIN items i ON i.id = o.item_id WHERE o.id = ?`,
  );
  const customerFacts = db.prepare<[string], CustomerFacts>(
    `SELECT o.id, o.customer_id AS customerId, o.item_id AS itemId, coalesce(i.description, o.item_id) AS itemDescription, o.plant,
       o.quantity, o.ship_date AS shipDate, o.value, o.priority
     FROM customer_orders o LEFT JOIN items i ON i.id = o.item_id WHERE o.id = ?`,
  );
  return {
    'impact.exceptions': () => repos.exceptions.list(),
    'impact.exception': ({ id }) => {
      const stored = repos.exceptions.get(id);
      if (!stored) throw new ApiFailure('not-found', `id: no exception ${id}`);
      // Orders since removed upstream (shipped, cancelled) drop out of the detail.
      const productionOrders = stored.impact.productionOrders.flatMap((order): ImpactedProductionOrderRow[] => {
        const facts = productionFacts.get(order.id);
        return facts ? [{ ...facts, daysLate: order.daysLate, addedDaysLate: order.addedDaysLate, unfulfilled: order.unfulfilled }] : [];
      });
      const customerOrders = stored.impact.customerOrders.flatMap((order): ImpactedCustomerOrderRow[] => {
        const facts = customerFacts.get(order.id);
        return facts ? [{ ...facts, daysLate: order.daysLate, addedDaysLate: order.addedDaysLate, unfulfilled: order.unfulfilled, revenueAtRisk: order.revenueAtRisk }] : [];
      });
      return { exception: stored.row, detail: stored.detail, productionOrders, customerOrders };
    },
  } satisfies Handlers<ImpactApi>;
}
