// The Alerts API: what the core raised (scrap spikes), and acknowledging one.
import type { Handlers } from '../../shared/api';
import type { AlertsApi } from '../../shared/api/alerts';
import { ApiFailure } from '../../shared/api/result';
import type { Clock } from '../core-ports';
import type { ChangeTracker } from '../engine/change-tracker';
import type { Store } from '../store/open-store';
import type { Repos } from '../store/repos';

export interface AlertsHandlerDeps {
  store: Store;
  repos: Repos;
  changes: ChangeTracker;
  clock: Clock;
  publishChanges(): void;
}

export function createAlertsHandlers({ store, repos, changes, clock, publishChanges }: AlertsHandlerDeps) {
  return {
    'alerts.list': () => repos.alerts.list(),
    'alerts.acknowledge': ({ alertId }, context) => {
      const alert = store.transaction(() => {
        if (!repos.alerts.get(alertId)) throw new ApiFailure('not-found', `alertId: no alert ${alertId}`);
        const at = clock.now().toISOString();
        repos.alerts.acknowledge(alertId, context.user, at);
        repos.audit.append({ at, actor: context.user, action: 'alert acknowledged', subject: alertId, detail: {} });
        changes.alertChanged(alertId);
        return repos.alerts.get(alertId)!;
      });
      publishChanges();
      return alert;
    },
  } satisfies Handlers<AlertsApi>;
}
