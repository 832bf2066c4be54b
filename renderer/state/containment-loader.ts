// Keeps the selected lot's containment loaded once production orders consumed some of it: on a new
// selection, when the core pushes a change of its row, and on reload (after the host comes back).
// Only the newest request's answer is applied, so a slow older answer never overwrites a newer one.
import type { ApiClient } from '../api/client';
import { containmentToLoad, useQuarantineStore, type QuarantineStore } from './quarantine-slice';

export interface FollowedContainment {
  reload(): void;
  stop(): void;
}

export function followSelectedContainment(client: Pick<ApiClient, 'invoke'>, store: QuarantineStore = useQuarantineStore): FollowedContainment {
  let generation = 0;

  function load(lotId: string): void {
    const mine = ++generation;
    store.getState().containmentRequested(lotId);
    client.invoke('quarantine.containment', { lotId }).then(
      (report) => {
        if (mine === generation) store.getState().containmentLoaded(report);
      },
      (error: unknown) => {
        if (mine === generation) store.getState().containmentFailed(lotId, error instanceof Error ? error.message : String(error));
      },
    );
  }

  const stop = store.subscribe((next, previous) => {
    if (next.selectedLotId !== previous.selectedLotId) generation += 1;
    const lotId = containmentToLoad(previous, next);
    if (lotId !== null) load(lotId);
  });

  return {
    reload() {
      const { selectedLotId, rowsById } = store.getState();
      if (selectedLotId !== null && (rowsById[selectedLotId]?.consumedQuantity ?? 0) > 0) load(selectedLotId);
    },
    stop() {
      generation += 1;
      stop();
    },
  };
}
