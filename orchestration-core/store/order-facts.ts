// The facts Order Impact shows of a production or customer order it hits: the order's own columns
// with its item's description.
import type Database from 'better-sqlite3';
import type { ImpactedCustomerOrderRow, ImpactedProductionOrderRow } from '../../shared/api/impact';

export type ProductionOrderFacts = Omit<ImpactedProductionOrderRow, 'daysLate' | 'addedDaysLate' | 'unfulfilled'>;
export type CustomerOrderFacts = Omit<ImpactedCustomerOrderRow, 'daysLate' | 'addedDaysLate' | 'unfulfilled' | 'revenueAtRisk'>;

export function createOrderFacts(db: Database.Database) {
  const production = db.prepare<[string], ProductionOrderFacts>(
    `SELECT o.id, o.item_id AS itemId, coalesce(i.description, o.item_id) AS itemDescription, o.plant, o.quantity, o.line,
       o.start_date AS startDate, o.due_date AS dueDate
     FROM production_orders o LEFT JOIN items i ON i.id = o.item_id WHERE o.id = ?`,
  );
  const customer = db.prepare<[string], CustomerOrderFacts>(
    `SELECT o.id, o.customer_id AS customerId, o.item_id AS itemId, coalesce(i.description, o.item_id) AS itemDescription, o.plant,
       o.quantity, o.ship_date AS shipDate, o.value, o.priority
     FROM customer_orders o LEFT JOIN items i ON i.id = o.item_id WHERE o.id = ?`,
  );
  return {
    /** Undefined once the order left the plan (shipped, cancelled upstream). */
    productionOrder: (id: string): ProductionOrderFacts | undefined => production.get(id),
    customerOrder: (id: string): CustomerOrderFacts | undefined => customer.get(id),
  };
}
