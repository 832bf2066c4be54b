// Keeps the selected exception's orders loaded: on a new selection, when the core pushes a change of
// the selected exception, and on reload (after the host comes back). Only the newest request's answer
// is applied, so a slow older answer never overwrites a newer one.
import type { ApiClient } from '../api/client';
import { detailToLoad, useImpactStore, type ImpactStore } from './impact-slice';

export interface FollowedDetail {
  reload(): void;
  stop(): void;
}

export function followSelectedException(client: Pick<ApiClient, 'invoke'>, store: ImpactStore = useImpactStore): FollowedDetail {
  let generation = 0;

  function load(exceptionId: string): void {
    const mine = ++generation;
    store.getState().detailRequested(exceptionId);
    client.invoke('impact.exception', { id: exceptionId }).then(
      (detail) => {
        if (mine === generation) store.getState().detailLoaded(detail);
      },
      (error: unknown) => {
        if (mine === generation) store.getState().detailFailed(exceptionId, error instanceof Error ? error.message : String(error));
      },
    );
  }

  const stop = store.subscribe((next, previous) => {
    if (next.selectedExceptionId !== previous.selectedExceptionId) generation += 1;
    const exceptionId = detailToLoad(previous, next);
    if (exceptionId !== null) load(exceptionId);
  });

  return {
    reload() {
      const exceptionId = store.getState().selectedExceptionId;
      if (exceptionId !== null) load(exceptionId);
    },
    stop() {
      generation += 1;
      stop();
    },
  };
}
