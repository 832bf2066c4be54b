// What the UI thread and the rebalancing worker say to each other: requests, their replies, and the
// tables the input is sent in.
import type { RebalanceInput } from '../plan-types';
import type { ItemRebalancing, RebalanceOptions } from './rebalance';
import type { RebalanceChange, ResolveOutcome } from './rebalancing-cache';

/** The input's record tables: what the loader sends in parts. */
export const rebalanceTables = ['lots', 'poLines', 'productionOrders', 'customerOrders', 'transfers', 'safetyStocks'] as const;
export type RebalanceTables = Pick<RebalanceInput, (typeof rebalanceTables)[number]>;

export interface SolveSummary {
  /** Items with a balance at some plant. */
  items: number;
  /** Items with surplus at one plant and a shortage at another: the problems solved. */
  problems: number;
  shipped: number;
  unmetShortage: number;
  totalCost: number;
  /** Indexing the input, in the worker. */
  indexMs: number;
  /** Computing every balance and solving every problem, in the worker. */
  solveMs: number;
}

export type ResolveReply = ResolveOutcome & { solveMs: number };

export type RebalanceRequest =
  | { kind: 'loadPart'; part: Partial<RebalanceTables> }
  | { kind: 'solveAll'; today: string; lanes: RebalanceInput['lanes']; options: RebalanceOptions }
  | { kind: 'apply'; changes: RebalanceChange[] }
  | { kind: 'results'; itemIds?: string[] };

export interface RebalanceReplies {
  loadPart: null;
  solveAll: SolveSummary;
  apply: ResolveReply;
  results: ItemRebalancing[];
}

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };
