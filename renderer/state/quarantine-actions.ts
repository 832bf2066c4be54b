// What the Quarantine view does, kept out of components: post a usage decision, withdraw a refused
// one or open a withdrawn lot again through the host, and show it at once until the core pushes the
// row; find a scanned lot.
import type { DispositionArgs } from '../../shared/api/quarantine';
import { apiClient, type ApiClient } from '../api/client';
import { filtersHiding, withoutFilters } from './quarantine-filters';
import { useQuarantineStore, type QuarantineStore } from './quarantine-slice';
import { useSessionStore } from './session-slice';

export async function submitDisposition(lotId: string, args: DispositionArgs, client: Pick<ApiClient, 'invoke'> = apiClient, store: QuarantineStore = useQuarantineStore): Promise<void> {
  await client.invoke('quarantine.disposition', args);
  const user = useSessionStore.getState().session?.user ?? 'you';
  store.getState().decisionQueued(lotId, args, user);
}

export async function withdrawDecision(lotId: string, args: { taskId: string; reason: string }, client: Pick<ApiClient, 'invoke'> = apiClient, store: QuarantineStore = useQuarantineStore): Promise<void> {
  await client.invoke('quarantine.withdraw', args);
  store.getState().withdrawQueued(lotId, args.taskId);
}

export async function reopenTask(lotId: string, taskId: string, client: Pick<ApiClient, 'invoke'> = apiClient, store: QuarantineStore = useQuarantineStore): Promise<void> {
  await client.invoke('quarantine.reopen', { taskId });
  store.getState().reopened(lotId, taskId);
}

/** The lot id a scanner typed: trimmed; a listed lot matches whatever the case. */
function listedLotId(scanned: string, rowsById: Readonly<Record<string, unknown>>): string | null {
  if (scanned in rowsById) return scanned;
  const upper = scanned.toUpperCase();
  return Object.keys(rowsById).find((id) => id.toUpperCase() === upper) ?? null;
}

let scanGeneration = 0;

/** idSchema's bound: no lot id is longer. */
const maxLotIdLength = 80;

/**
 * A scanned lot id: a lot on hold here is selected (its panel opens, the grid scrolls to it), with any
 * filter that hid it cleared; any other id is looked up so the engineer hears what it is. Answers
 * whether the lot is listed. Only the newest scan's lookup is shown.
 */
export async function scanLot(scanned: string, client: Pick<ApiClient, 'invoke'> = apiClient, store: QuarantineStore = useQuarantineStore, now: number = Date.now()): Promise<boolean> {
  const mine = ++scanGeneration;
  const raw = scanned.trim();
  const state = store.getState();
  if (raw === '') {
    state.scanned(null);
    return false;
  }
  // Longer than any id: a barcode of something else, or keys held down. Said plainly, not as a schema's words.
  if (raw.length > maxLotIdLength) {
    state.select(null);
    state.scanned({ kind: 'not-a-lot-id', length: raw.length });
    return false;
  }
  const lotId = listedLotId(raw, state.rowsById);
  const row = lotId === null ? undefined : state.rowsById[lotId];
  if (lotId !== null && row) {
    const hiding = filtersHiding(row, state.filters, now);
    if (hiding.length > 0) state.filtersChanged(withoutFilters(state.filters, hiding));
    state.select(lotId);
    const decided = row.taskState === 'decided' && row.decidedBy && row.decidedAt ? { decidedBy: row.decidedBy, decidedAt: row.decidedAt, code: row.decisionCode ?? '' } : null;
    state.scanned({ kind: 'on-hold', lotId, clearedFilters: hiding, decided });
    return true;
  }
  // The panel of the lot scanned before must not stay open, with its Submit, under another lot's id.
  state.select(null);
  state.scanned({ kind: 'looking-up', lotId: raw });
  try {
    const lookup = await client.invoke('quarantine.lookup', { lotId: raw });
    if (mine === scanGeneration) store.getState().scanned({ kind: 'looked-up', lotId: raw, lookup });
  } catch (error) {
    if (mine === scanGeneration) store.getState().scanned({ kind: 'failed', lotId: raw, message: error instanceof Error ? error.message : String(error) });
  }
  return false;
}
