// Alerts: what the core raised on its own for people to act on, e.g. a production order that
// scrapped more than its item allows (quality and maintenance are notified upstream too).
import { z } from 'zod';
import { idSchema } from '../domain';

export interface ReplenishmentReview {
  /** The production order's planned quantity and what its yield leaves short of it. */
  plannedQuantity: number;
  shortfall: number;
  /** Customer orders the shortfall makes later, and their value. */
  customerOrdersHit: number;
  revenueAtRisk: number;
}

export interface ScrapSpike {
  productionOrderId: string;
  yieldQuantity: number;
  scrapQuantity: number;
  unit: string | null;
  /** Good share of what was made, 0..1, and the item's minimum. */
  yieldRate: number;
  minimumYield: number;
  notified: ('quality' | 'maintenance')[];
  /** Null when the core has no planning data for the order. */
  replenishment: ReplenishmentReview | null;
}

export interface AlertRow {
  id: string;
  kind: 'scrap-spike';
  plant: string;
  itemId: string | null;
  itemDescription: string | null;
  subject: string;
  scrapSpike: ScrapSpike;
  createdAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

export const alertsArgSchemas = {
  'alerts.list': z.object({}),
  'alerts.acknowledge': z.object({ alertId: idSchema }),
} as const;

export interface AlertsApi {
  /** Unacknowledged first, newest first. */
  'alerts.list': (args: Record<string, never>) => AlertRow[];
  'alerts.acknowledge': (args: { alertId: string }) => AlertRow;
}
