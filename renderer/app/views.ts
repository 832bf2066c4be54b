// The app's views in navigation order; only the ones marked available have a screen yet.
export const appViews = [
  { id: 'order-impact', label: 'Order impact', available: true },
  { id: 'quarantine', label: 'Quarantine', available: true },
  { id: 'rebalancing', label: 'Rebalancing', available: true },
  { id: 'approvals', label: 'Approvals', available: true },
  { id: 'monitor', label: 'Monitor', available: false },
  { id: 'audit', label: 'Audit', available: false },
] as const;

export type AppViewId = (typeof appViews)[number]['id'];
