// Rebalancing proposals and the computation's status. The core pushes the whole list (a few hundred
// rows at most); the reducer keeps unchanged rows' objects, so the grid's transaction holds only real
// changes. The bridge feeds it from rebalancing.proposals and 'rebalancing.changed'.
import { create } from 'zustand';
import type { RebalancingProposal, RebalancingSnapshot, RebalancingStatus } from '../../shared/api/rebalancing';

export interface RebalancingData {
  rowsById: Readonly<Record<string, RebalancingProposal>>;
  status: RebalancingStatus | null;
  loaded: boolean;
  loadError: string | null;
  /** Why the last accept or reject was refused; cleared by the next one. */
  actionError: string | null;
}

export interface RebalancingActions {
  snapshotReceived(snapshot: RebalancingSnapshot): void;
  loadFailed(message: string): void;
  actionSettled(error: string | null): void;
}

export type RebalancingState = RebalancingData & RebalancingActions;

export const initialRebalancingData: RebalancingData = { rowsById: {}, status: null, loaded: false, loadError: null, actionError: null };

const sameRow = (a: RebalancingProposal, b: RebalancingProposal) => JSON.stringify(a) === JSON.stringify(b);

/** The list replaces what was shown; rows that did not change keep their objects. */
export function withSnapshot<D extends RebalancingData>(data: D, snapshot: RebalancingSnapshot): D {
  const rowsById: Record<string, RebalancingProposal> = {};
  for (const row of snapshot.proposals) {
    const before = data.rowsById[row.id];
    rowsById[row.id] = before !== undefined && sameRow(before, row) ? before : row;
  }
  return { ...data, rowsById, status: snapshot.status, loaded: true, loadError: null };
}

export function createRebalancingStore() {
  return create<RebalancingState>()((set) => ({
    ...initialRebalancingData,
    snapshotReceived: (snapshot) => set((state) => withSnapshot(state, snapshot)),
    loadFailed: (message) => set({ loadError: message }),
    actionSettled: (error) => set({ actionError: error }),
  }));
}

export const useRebalancingStore = createRebalancingStore();

export interface RebalancingSummary {
  proposed: number;
  /** Of the open proposals. */
  totalCost: number;
  /** Per unit of measure: EA, KG and M are never added up into one figure. */
  shortageCovered: Record<string, number>;
  revenueProtected: number;
  inTransit: number;
  /** Accepted, waiting for a supervisor's approval before the transfer goes. */
  awaitingApproval: number;
}

export function summarizeProposals(rows: readonly RebalancingProposal[]): RebalancingSummary {
  const summary: RebalancingSummary = { proposed: 0, totalCost: 0, shortageCovered: {}, revenueProtected: 0, inTransit: 0, awaitingApproval: 0 };
  for (const row of rows) {
    if (row.status === 'in-transit' || row.status === 'accepted') summary.inTransit++;
    if (row.status === 'awaiting-approval') summary.awaitingApproval++;
    if (row.status !== 'proposed') continue;
    summary.proposed++;
    summary.totalCost += row.cost;
    summary.shortageCovered[row.unit] = (summary.shortageCovered[row.unit] ?? 0) + row.shortageCovered;
    summary.revenueProtected += row.revenueProtected;
  }
  summary.totalCost = Math.round(summary.totalCost * 100) / 100;
  return summary;
}
