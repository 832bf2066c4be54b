// The app's views in navigation order; only the ones marked available have a screen yet.
import type { Role } from '../../shared/domain';
export const appViews = [
  { id: 'order-impact', label: 'Order impact', available: true },
  { id: 'stock', label: 'Stock/requirements', available: true },
  { id: 'scenarios', label: 'Scenarios', available: true },
  { id: 'quarantine', label: 'Quarantine', available: true },
  { id: 'rebalancing', label: 'Rebalancing', available: true },
  { id: 'approvals', label: 'Approvals', available: true },
  { id: 'monitor', label: 'Monitor', available: true },
  { id: 'audit', label: 'Audit', available: true },
] as const;

export type AppViewId = (typeof appViews)[number]['id'];

/** Where each role starts: its own work first. */
const landingViews: Record<Role, AppViewId> = {
  planner: 'order-impact',
  'quality-engineer': 'quarantine',
  supervisor: 'approvals',
  // Support work: what the workflows and connectors are doing, and what failed.
  operator: 'monitor',
};

export function landingView(role: Role): AppViewId {
  return landingViews[role];
}
