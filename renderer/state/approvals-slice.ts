// Approval requests (substitutions a supervisor must approve) and the selection of the Approvals view.
// The reducers are pure functions over rowsById, so the grid can turn each change into an AG Grid
// transaction and tests need no DOM. The bridge feeds it from approvals.list and 'approvals.changed'.
import { create } from 'zustand';
import type { ApprovalDecision, ApprovalRow } from '../../shared/api/approvals';

export type ApprovalsById = Readonly<Record<string, ApprovalRow>>;

export interface ApprovalsData {
  rowsById: ApprovalsById;
  loaded: boolean;
  loadError: string | null;
  selectedApprovalId: string | null;
}

export interface ApprovalsActions {
  rowsLoaded(rows: readonly ApprovalRow[]): void;
  rowChanged(row: ApprovalRow): void;
  decisionQueued(approvalId: string, decision: ApprovalDecision, user: string, at: string): void;
  loadFailed(message: string): void;
  select(approvalId: string | null): void;
}

export type ApprovalsState = ApprovalsData & ApprovalsActions;

export const initialApprovalsData: ApprovalsData = { rowsById: {}, loaded: false, loadError: null, selectedApprovalId: null };

/** Rows carry nested objects (substitution, projected effect), so equality is by value, not field identity. */
function sameRow(a: ApprovalRow, b: ApprovalRow): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A reload keeps the objects of unchanged rows, so the grid's transaction holds only real changes. */
export function withRowsLoaded<D extends ApprovalsData>(data: D, rows: readonly ApprovalRow[]): D {
  const rowsById: Record<string, ApprovalRow> = {};
  for (const row of rows) {
    const before = data.rowsById[row.id];
    rowsById[row.id] = before !== undefined && sameRow(before, row) ? before : row;
  }
  return { ...data, rowsById, loaded: true, loadError: null };
}

/** A pushed row replaces its request; a repeat of what is already shown changes nothing. */
export function withRowChanged<D extends ApprovalsData>(data: D, row: ApprovalRow): D {
  const before = data.rowsById[row.id];
  if (before !== undefined && sameRow(before, row)) return data;
  return { ...data, rowsById: { ...data.rowsById, [row.id]: row } };
}

/**
 * After the host took a decision, show it as sent at once. Only a request still pending with no decision
 * on its way changes: if the core already pushed a newer state, that wins.
 */
export function withDecisionQueued<D extends ApprovalsData>(data: D, approvalId: string, decision: ApprovalDecision, user: string, at: string): D {
  const row = data.rowsById[approvalId];
  if (!row || row.status !== 'pending' || row.pendingDecision !== null) return data;
  const queued: ApprovalRow = {
    ...row,
    pendingDecision: { decision, by: user, at },
    refusedUpstream: null,
    canDecide: false,
    cannotDecideReason: 'Your decision is on its way upstream.',
  };
  return { ...data, rowsById: { ...data.rowsById, [approvalId]: queued } };
}

export function createApprovalsStore() {
  return create<ApprovalsState>()((set) => ({
    ...initialApprovalsData,
    rowsLoaded: (rows) => set((state) => withRowsLoaded(state, rows)),
    rowChanged: (row) => set((state) => withRowChanged(state, row)),
    decisionQueued: (approvalId, decision, user, at) => set((state) => withDecisionQueued(state, approvalId, decision, user, at)),
    loadFailed: (message) => set({ loadError: message }),
    select: (approvalId) => set({ selectedApprovalId: approvalId }),
  }));
}
export type ApprovalsStore = ReturnType<typeof createApprovalsStore>;

export const useApprovalsStore = createApprovalsStore();

/** Waiting for a supervisor: pending, and no decision from this workstation on its way. */
export function isAwaitingDecision(row: Pick<ApprovalRow, 'status' | 'pendingDecision'>): boolean {
  return row.status === 'pending' && row.pendingDecision === null;
}

/**
 * Waiting for this user's decision: a request the core says they may decide (a supervisor, not the
 * requester) that is still pending here. Someone else's work is listed in the view, not counted.
 */
export function isYoursToDecide(row: Pick<ApprovalRow, 'status' | 'pendingDecision' | 'canDecide'>): boolean {
  return row.canDecide && isAwaitingDecision(row);
}

/** The nav badge's count: the requests this user may decide now. */
export const selectYoursToDecideCount = (state: ApprovalsData): number => Object.values(state.rowsById).filter(isYoursToDecide).length;

export const selectSelectedApproval = (state: ApprovalsData): ApprovalRow | null =>
  state.selectedApprovalId === null ? null : (state.rowsById[state.selectedApprovalId] ?? null);

/** Work first: requests waiting for a decision, then decisions on their way, then decided ones. */
function triageRank(row: Pick<ApprovalRow, 'status' | 'pendingDecision'>): number {
  if (isAwaitingDecision(row)) return 0;
  return row.status === 'pending' ? 1 : 2;
}

/**
 * Pending first (the longest waiting first, as a supervisor works through them), then the decided ones,
 * the newest decision first.
 */
export function compareApprovalsForTriage(
  a: Pick<ApprovalRow, 'status' | 'pendingDecision' | 'requestedAt' | 'decidedAt'> | undefined,
  b: Pick<ApprovalRow, 'status' | 'pendingDecision' | 'requestedAt' | 'decidedAt'> | undefined,
): number {
  if (!a || !b) return 0;
  const rank = triageRank(a) - triageRank(b);
  if (rank !== 0) return rank;
  if (a.status === 'pending') return Date.parse(a.requestedAt) - Date.parse(b.requestedAt);
  return Date.parse(b.decidedAt ?? b.requestedAt) - Date.parse(a.decidedAt ?? a.requestedAt);
}
