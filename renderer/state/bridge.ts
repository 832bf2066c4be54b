// Feeds the slices: initial loads, pushed events, and a fresh load of everything after the web host's
// socket comes back (events sent while it was down are gone).
import type { ExceptionRow } from '../../shared/api/impact';
import { apiClient, type ApiClient } from '../api/client';
import { atMostEvery, createPushBatch } from '../grid/paced-updates';
import { useAlertsStore } from './alerts-slice';
import { useApprovalsStore } from './approvals-slice';
import { useConnectorsStore } from './connectors-slice';
import { followSelectedContainment } from './containment-loader';
import { followSelectedException } from './exception-detail-loader';
import { useHostLinkStore } from './host-link-slice';
import { useImpactStore } from './impact-slice';
import { useMasterStore } from './master-slice';
import { useQuarantineStore } from './quarantine-slice';
import { useRebalancingStore } from './rebalancing-slice';
import { useSessionStore } from './session-slice';
import { followTopic } from './follow-topic';
import { forgetViews } from './forget-views';
import type { SessionState } from '../../shared/api/session';

/**
 * Pushed exceptions are applied together at most this often: under a storm of supplier delays the
 * Order Impact view renders and the grid refreshes a few times a second instead of once per delay.
 */
const exceptionPushIntervalMs = 250;

export function startBridge(client: ApiClient = apiClient): () => void {
  const exceptionPushes = createPushBatch<ExceptionRow>((rows) => useImpactStore.getState().exceptionsChanged(rows), atMostEvery(exceptionPushIntervalMs));
  const quarantine = followTopic({
    subscribe: client.subscribe,
    topic: 'quarantine.rowChanged',
    load: () => client.invoke('quarantine.list', {}),
    applyLoaded: (rows) => useQuarantineStore.getState().rowsLoaded(rows),
    applyEvent: (row) => useQuarantineStore.getState().rowChanged(row),
    loadFailed: (message) => useQuarantineStore.getState().loadFailed(message),
  });
  const impact = followTopic({
    subscribe: client.subscribe,
    topic: 'impact.exceptionChanged',
    load: () => client.invoke('impact.exceptions', {}),
    // Pushes still pending arrived before this load began: applied first, the load then has the last word.
    applyLoaded: (rows) => {
      exceptionPushes.flush();
      useImpactStore.getState().exceptionsLoaded(rows);
    },
    applyEvent: exceptionPushes.push,
    loadFailed: (message) => useImpactStore.getState().loadFailed(message),
  });
  const exceptionDetail = followSelectedException(client);
  const containment = followSelectedContainment(client);
  const approvals = followTopic({
    subscribe: client.subscribe,
    topic: 'approvals.changed',
    load: () => client.invoke('approvals.list', {}),
    applyLoaded: (rows) => useApprovalsStore.getState().rowsLoaded(rows),
    applyEvent: (row) => useApprovalsStore.getState().rowChanged(row),
    loadFailed: (message) => useApprovalsStore.getState().loadFailed(message),
  });
  const alerts = followTopic({
    subscribe: client.subscribe,
    topic: 'alerts.changed',
    load: () => client.invoke('alerts.list', {}),
    applyLoaded: (rows) => useAlertsStore.getState().rowsLoaded(rows),
    applyEvent: (row) => useAlertsStore.getState().rowChanged(row),
    loadFailed: (message) => useAlertsStore.getState().loadFailed(message),
  });
  const rebalancing = followTopic({
    subscribe: client.subscribe,
    topic: 'rebalancing.changed',
    load: () => client.invoke('rebalancing.proposals', {}),
    applyLoaded: (snapshot) => useRebalancingStore.getState().snapshotReceived(snapshot),
    applyEvent: (snapshot) => useRebalancingStore.getState().snapshotReceived(snapshot),
    loadFailed: (message) => useRebalancingStore.getState().loadFailed(message),
  });
  const master = followTopic({
    subscribe: client.subscribe,
    topic: 'master.changed',
    load: () => client.invoke('master.get', {}),
    applyLoaded: (data) => useMasterStore.getState().masterLoaded(data),
    applyEvent: (data) => useMasterStore.getState().masterLoaded(data),
    loadFailed: (message) => console.error('Loading the units and currency failed:', message),
  });
  const connectors = followTopic({
    subscribe: client.subscribe,
    topic: 'connectors.statusChanged',
    load: () => client.invoke('connectors.status', {}),
    applyLoaded: (statuses) => useConnectorsStore.getState().statusesChanged(statuses),
    applyEvent: (statuses) => useConnectorsStore.getState().statusesChanged(statuses),
    loadFailed: (message) => console.error('Loading connector status failed:', message),
  });

  // The signed-in person's data only: signed out, nothing loads; another person signing in on a shared
  // terminal starts from empty views, never from what the one before had open.
  let shownUser: string | null | undefined;
  function sessionArrived(state: SessionState): void {
    useSessionStore.getState().sessionLoaded(state);
    const user = state.signedIn ? state.user : null;
    if (user === shownUser) return;
    const before = shownUser;
    shownUser = user;
    if (before !== undefined) forgetViews();
    if (user !== null) loadData();
  }
  const session = followTopic({
    subscribe: client.subscribe,
    topic: 'session.changed',
    load: () => client.invoke('session.current', {}),
    applyLoaded: sessionArrived,
    applyEvent: sessionArrived,
    loadFailed: (message) => console.error('Loading the session failed:', message),
  });

  function loadData(): void {
    void quarantine.reload();
    void impact.reload();
    exceptionDetail.reload();
    containment.reload();
    void approvals.reload();
    void alerts.reload();
    void rebalancing.reload();
    void master.reload();
  }

  function loadAll(): void {
    // The status bar shows the gateway on the sign-in screen too.
    void connectors.reload();
    void session.reload();
    if (shownUser) loadData();
  }

  let lostLink = false;
  const stopLink = client.onHostLinkChange((link) => {
    useHostLinkStore.getState().linkChanged(link);
    if (link === 'reconnecting') lostLink = true;
    if (link === 'connected' && lostLink) {
      lostLink = false;
      loadAll();
    }
  });
  loadAll();

  return () => {
    stopLink();
    quarantine.stop();
    impact.stop();
    exceptionPushes.cancel();
    exceptionDetail.stop();
    containment.stop();
    approvals.stop();
    alerts.stop();
    rebalancing.stop();
    connectors.stop();
    master.stop();
    session.stop();
  };
}
