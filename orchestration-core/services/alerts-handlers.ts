// The Alerts API: what the core raised (scrap spikes), and acknowledging one.
import type { Handlers } from '../../shared/api';
import type { AlertsApi } from '../../shared/api/alerts';
import { ApiFailure } from '../../shared/api/result';
import type { Clock } from '../core-ports';
import type { ChangeTracker } from '../engine/change-tracker';
import type { Repos } from '../store/repos';
import type { CommitPath } from './commit-path';

export interface AlertsHandlerDeps {
  repos: Repos;
  changes: ChangeTracker;
  clock: Clock;
  commit: CommitPath;
}

export function createAlertsHandlers({ repos, changes, clock, commit }: AlertsHandlerDeps) {
  return {
    'alerts.list': () => repos.alerts.list(),
    'alerts.acknowledge': ({ alertId }, context) =>
      commit('alerts.acknowledge', () => {
        if (!repos.alerts.get(alertId)) throw new ApiFailure('not-found', `alertId: no alert ${alertId}`);
        const at = clock.now().toISOString();
        repos.alerts.acknowledge(alertId, context.user, at);
        repos.audit.append({ at, actor: context.user, action: 'alert acknowledged', subject: alertId, detail: {} });
        changes.changed('alert', alertId);
        return repos.alerts.get(alertId)!;
      }),
  } satisfies Handlers<AlertsApi>;
}
