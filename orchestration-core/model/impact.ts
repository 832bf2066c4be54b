// The impact of a disruption: the orders it makes later than before, the revenue it puts at risk, and
// the figures the exceptions grid shows of it.

export interface ImpactedOrder {
  id: string;
  /** Days late after the disruption; null when it can no longer be fulfilled. */
  daysLate: number | null;
  /** Days later than before; null when it became unfulfilled. */
  addedDaysLate: number | null;
  /** Supply never covers it any more. */
  unfulfilled: boolean;
}

export interface ImpactedCustomerOrder extends ImpactedOrder {
  /** The order's value: at risk once it is later than before. */
  revenueAtRisk: number;
}

export interface Impact {
  productionOrders: ImpactedOrder[];
  customerOrders: ImpactedCustomerOrder[];
  totalRevenueAtRisk: number;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** An impact from its rows, in any order. */
export function impactOf(productionOrders: ImpactedOrder[], customerOrders: ImpactedCustomerOrder[]): Impact {
  return {
    productionOrders: productionOrders.sort(byId),
    customerOrders: customerOrders.sort(byId),
    totalRevenueAtRisk: customerOrders.reduce((sum, order) => sum + order.revenueAtRisk, 0),
  };
}

/** The figures the exceptions grid shows, from the impact. */
export function summarize(impact: Impact): { ordersHit: number; revenueAtRisk: number; worstDaysLate: number | null; unfulfilled: number } {
  const orders = [...impact.productionOrders, ...impact.customerOrders];
  const dated = orders.flatMap((order) => (order.daysLate === null ? [] : [order.daysLate]));
  return {
    ordersHit: orders.length,
    revenueAtRisk: impact.totalRevenueAtRisk,
    worstDaysLate: dated.length > 0 ? Math.max(...dated) : null,
    unfulfilled: orders.filter((order) => order.unfulfilled).length,
  };
}
