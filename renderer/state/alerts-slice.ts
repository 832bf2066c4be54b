// Alerts the core raised on its own (scrap spikes) and whether someone acknowledged them. The reducers
// are pure functions over rowsById, so tests need no DOM; the bridge feeds them from alerts.list and
// 'alerts.changed'.
import { create } from 'zustand';
import type { AlertRow } from '../../shared/api/alerts';

export type AlertsById = Readonly<Record<string, AlertRow>>;

export interface AlertsData {
  rowsById: AlertsById;
  loaded: boolean;
  loadError: string | null;
}

export interface AlertsActions {
  rowsLoaded(rows: readonly AlertRow[]): void;
  rowChanged(row: AlertRow): void;
  loadFailed(message: string): void;
}

export type AlertsState = AlertsData & AlertsActions;

export const initialAlertsData: AlertsData = { rowsById: {}, loaded: false, loadError: null };

/** Alerts carry a nested scrap spike, so equality is by value, not field identity. */
function sameRow(a: AlertRow, b: AlertRow): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A reload keeps the objects of unchanged alerts, so nothing that shows them re-renders for nothing. */
export function withRowsLoaded<D extends AlertsData>(data: D, rows: readonly AlertRow[]): D {
  const rowsById: Record<string, AlertRow> = {};
  for (const row of rows) {
    const before = data.rowsById[row.id];
    rowsById[row.id] = before !== undefined && sameRow(before, row) ? before : row;
  }
  return { ...data, rowsById, loaded: true, loadError: null };
}

/** A pushed alert, new or acknowledged, replaces what is shown; a repeat changes nothing. */
export function withRowChanged<D extends AlertsData>(data: D, row: AlertRow): D {
  const before = data.rowsById[row.id];
  if (before !== undefined && sameRow(before, row)) return data;
  return { ...data, rowsById: { ...data.rowsById, [row.id]: row } };
}

export function createAlertsStore() {
  return create<AlertsState>()((set) => ({
    ...initialAlertsData,
    rowsLoaded: (rows) => set((state) => withRowsLoaded(state, rows)),
    rowChanged: (row) => set((state) => withRowChanged(state, row)),
    loadFailed: (message) => set({ loadError: message }),
  }));
}
export type AlertsStore = ReturnType<typeof createAlertsStore>;

export const useAlertsStore = createAlertsStore();

/**
 * What still asks for someone's attention: unacknowledged alerts, the most recent first. Returns a new
 * array, so a component derives it from rowsById (useMemo) rather than selecting it from the store.
 */
export function unacknowledgedAlerts(rowsById: AlertsById): AlertRow[] {
  return Object.values(rowsById)
    .filter((row) => row.acknowledgedAt === null)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
