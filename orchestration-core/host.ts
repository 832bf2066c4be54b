// createCore(config): wires the store, the engine, the connectors and the API handlers. The one entry point.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AppApi, Handlers } from '../shared/api';
import type { CommandType } from '../shared/commands';
import { calendarDayOf } from '../shared/plan-days';
import type { ConnectorSettings } from '../shared/settings';
import { createGatewayConnector, type GatewayConnector } from './connectors/gateway-connector';
import { createEventIngest } from './connectors/event-ingest';
import { createReplyHandler } from './connectors/reply-handler';
import { createConsoleLogger, systemClock } from './core-defaults';
import type { Core, CoreConfig, EmbeddedGateway } from './core-types';
import { auditSettings } from './services/settings-audit';
import { createMonitorHandlers } from './services/monitor-handlers';
import { createMonitorQueries } from './store/monitor-queries';
import { createScenarioHandlers } from './services/scenario-handlers';
import { createStockRequirementsHandlers } from './services/stock-requirements-handlers';
import { createChangeTracker } from './engine/change-tracker';
import { createEngine } from './engine/engine';
import { createEventBus } from './event-bus';
import { approvalRow, createApprovalsHandlers } from './services/approvals-handlers';
import { createImpactHandlers } from './services/impact-handlers';
import { createPlanningService } from './services/planning-service';
import { createAlertsHandlers } from './services/alerts-handlers';
import { createAuditHandlers } from './services/audit-handlers';
import { createCommitPath } from './services/commit-path';
import { createQuarantineHandlers } from './services/quarantine-handlers';
import { createQuarantineQueries } from './store/quarantine-queries';
import { createRebalancingProposals } from './services/rebalancing-proposals';
import { createExceptionReweigher } from './services/exception-reweigher';
import { createLineStopWeigher } from './services/line-stop-weigher';
import { createRerouteHandler } from './services/reroute-handler';
import { createLineStopRecords } from './workflows/line-stop/heard';
import { createSessionService } from './services/session-service';
import type { openStore } from './store/open-store';
import { describeSetAside, openStoreOrSetAside } from './store/set-aside';
import { testConnection } from './connectors/connection-test';
import { createRepos } from './store/repos';
import { workflowDefinitions } from './workflows';
import { defaultPolicy } from './engine/workflow';

/** How long a workflow timer is left alone before the clock is read again. */
const timerLookMs = 15_000;

/** Which kind of connector carries each command upstream. */
const commandRoutes: Record<CommandType, ConnectorSettings['kind']> = {
  'lot.setStatus': 'erp',
  'lot.disposition': 'erp',
  'po.updateReceiptDate': 'erp',
  'po.expedite': 'erp',
  'po.create': 'erp',
  'substitution.apply': 'erp',
  'transfer.request': 'erp',
  'production.reschedule': 'erp',
  'approval.request': 'erp',
  'approval.decide': 'erp',
  // The ERP's warehouse management and QM notifications: the same gateway namespace.
  'wms.moveTask': 'erp',
  'supplierCase.open': 'erp',
  'notification.create': 'erp',
  'shipment.releaseHold': 'erp',
  'production.reroute': 'erp',
  'exception.answer': 'erp',
  // The gateway puts a plant's unit mapping on that plant's stream; it is the one that hears commands.
  'plant.mapUnit': 'erp',
  'escalation.raise': 'erp',
  // The plant's WMS bins and the ERP's inventory book: the gateway routes them.
  'wms.pickPause': 'erp',
  'wms.pickRelease': 'erp',
  'wms.recount': 'erp',
  'inventory.adjust': 'erp',
};

/** The workstation's id at the gateway: made once, kept in its store (the audit head is kept per id). */
function workstationClientId(repos: ReturnType<typeof createRepos>, clock: NonNullable<CoreConfig['clock']>): string {
  const kept = repos.workstation.get('clientId');
  if (kept) return kept;
  const made = `ws-${randomUUID().slice(0, 8)}`;
  repos.workstation.set('clientId', made, clock.now().toISOString());
  return made;
}

export async function createCore(config: CoreConfig): Promise<Core> {
  const clock = config.clock ?? systemClock;
  const logger = config.logger ?? createConsoleLogger();
  const { store, setAside } = openStoreOrSetAside(config.databasePath, () => clock.now());
  // Said once, in the log and above every screen.
  const notices = setAside ? [describeSetAside(config.databasePath, setAside)] : [];
  if (setAside) logger.warn(notices[0]!, { movedTo: setAside.movedTo, unsentDecisions: setAside.unsentDecisions });
  let embedded: EmbeddedGateway | null = null;
  try {
    let connectorSettings = config.connectors ?? [];
    if (connectorSettings.length === 0) {
      if (!config.startEmbeddedGateway) throw new Error('connectors: none configured and no embedded gateway to start');
      embedded = await config.startEmbeddedGateway();
      connectorSettings = embedded.connectors;
    }
    const core = assemble(config, connectorSettings, store, embedded, clock, logger, notices);
    await core.restoreSession();
    return core;
  } catch (error) {
    store.close();
    await embedded?.close();
    throw error;
  }
}

function assemble(
  config: CoreConfig,
  connectorSettings: readonly ConnectorSettings[],
  store: ReturnType<typeof openStore>,
  embedded: EmbeddedGateway | null,
  clock: NonNullable<CoreConfig['clock']>,
  logger: NonNullable<CoreConfig['logger']>,
  notices: readonly string[],
): Core {
  const repos = createRepos(store.db);
  const settings = config.settings;
  if (settings) store.durableTransaction(() => auditSettings(repos, settings.values, settings.source, clock.now().toISOString()));
  const changes = createChangeTracker();
  const planning = createPlanningService(repos, logger);
  const bus = createEventBus();
  const queries = createQuarantineQueries(store.db, repos.lotHistory);

  function routeCommand(type: CommandType): string {
    const kind = commandRoutes[type];
    const connector = connectorSettings.find((settings) => settings.kind === kind);
    if (!connector) throw new Error(`no ${kind} connector configured for ${type}`);
    return connector.id;
  }

  const deviationNumberPattern = config.policy?.deviationNumberPattern ?? defaultPolicy.deviationNumberPattern;
  // Who sits here: signed in against the ERP connector's gateway; the token goes with their decisions.
  const session = createSessionService({
    repos,
    clock,
    logger,
    plant: config.plant ?? null,
    deviationNumberPattern,
    gateway: { signIn: (request) => signInGateway().signIn(request) },
    ...(config.sessionKeeper ? { keeper: config.sessionKeeper } : {}),
    ...(config.sessionWatchMs ? { watchMs: config.sessionWatchMs } : {}),
    onChanged: () => {
      bus.publish('session.changed', session.state());
      // The rows read decidable or not by whoever is signed in now.
      for (const approval of repos.approvals.list()) changes.changed('approval', approval.id);
      publishChanges();
    },
  });
  const caller = () => session.caller();
  // Each entry of the signed-in person's says the role they acted in.
  repos.audit.knowRoles((actor) => {
    const signedIn = session.signedIn();
    return signedIn?.user === actor ? signedIn.role : null;
  });
  // Every API call that writes goes through it: role table, durable transaction, discard on failure, push after.
  const commit = createCommitPath({ store, changes, caller, afterCommit: () => afterCommit() });
  const engine = createEngine({ repos, definitions: workflowDefinitions, clock, newId: randomUUID, routeCommand, sessionToken: session.tokenFor, changes, plan: () => planning.index(), atomically: store.transaction, logger, ...(config.policy ? { policy: config.policy } : {}) });
  const rebalancing = createRebalancingProposals({
    store,
    repos,
    engine,
    changes,
    clock,
    logger,
    newId: randomUUID,
    routeCommand,
    commit,
    ...(config.policy ? { transferApprovalValue: config.policy.transferApprovalValue } : {}),
    startWorker: config.startRebalanceWorker,
    publish: (snapshot) => bus.publish('rebalancing.changed', snapshot),
    // An accept above the threshold lists its request in Approvals too.
    afterDecision: () => afterCommit(),
  });
  const reweigher = createExceptionReweigher({ store, repos, changes, plan: () => planning.index(), logger, now: () => clock.now(), afterTurn: () => publishChanges() });
  const stock = createStockRequirementsHandlers({ planning, repos, now: () => clock.now(), publish: (at) => bus.publish('planning.changed', { at }) });
  // The plan index, the rebalancing worker and the open exceptions hear the same plan changes.
  changes.attachPlan({
    apply: (change) => {
      planning.target.apply(change);
      rebalancing.planChanged(change);
      reweigher.planChanged();
      stock.planChanged();
    },
    rebuild: () => {
      planning.target.rebuild();
      rebalancing.planReplaced();
      reweigher.planChanged();
      stock.planChanged();
    },
  });
  const handleReplies = createReplyHandler({ store, repos, engine, changes, clock });
  const lineStops = createLineStopRecords(repos, changes);
  const weigher = createLineStopWeigher({ store, repos, changes, plan: () => planning.index(), logger, afterTurn: () => publishChanges() });

  function publishChanges(): void {
    changes.planCommitted();
    for (const lotId of changes.take('lot')) {
      const row = queries.row(lotId);
      if (row) bus.publish('quarantine.rowChanged', row);
    }
    for (const exceptionId of changes.take('exception')) {
      const stored = repos.exceptions.get(exceptionId);
      if (!stored) continue;
      bus.publish('impact.exceptionChanged', stored.row);
      weigher.exceptionChanged(stored);
    }
    for (const alertId of changes.take('alert')) {
      const alert = repos.alerts.get(alertId);
      if (alert) bus.publish('alerts.changed', alert);
    }
    let transferAsked = false;
    for (const approvalId of changes.take('approval')) {
      const approval = repos.approvals.get(approvalId);
      if (approval) bus.publish('approvals.changed', approvalRow(approval, caller()?.user ?? '', caller()?.role ?? null));
      transferAsked ||= approval?.kind === 'transfer';
    }
    if (changes.takeMaster()) bus.publish('master.changed', masterData());
    // A transfer asked for, or decided, on any workstation shows on this one's proposals.
    rebalancing.committed({ transferApprovalChanged: transferAsked });
  }

  const masterData = () => ({ currency: repos.master.currency(), units: repos.master.units() });

  /** After a commit that may have queued commands: push what changed, the status, and wake every pusher. */
  function afterCommit(): void {
    publishChanges();
    statusChanged();
    for (const connector of connectors) connector.kick();
    scheduleTimers();
  }

  // Workflow timers and retries: one setTimeout for the earliest, set again after every commit (a step
  // may have set a sooner one). The store holds them, so one that fell due while the app was closed
  // fires at start.
  let workflowTimer: NodeJS.Timeout | null = null;
  let workflowTimerAt: string | null = null;
  function scheduleTimers(): void {
    const next = closed ? null : engine.nextDue();
    if (next === workflowTimerAt) return;
    if (workflowTimer) clearTimeout(workflowTimer);
    workflowTimer = null;
    workflowTimerAt = next;
    if (next === null) return;
    // Looked at again every few seconds at most: a machine that slept, or a clock set forward, fires
    // what fell due meanwhile without waiting for the whole delay setTimeout was given.
    const delay = Math.min(Math.max(0, Date.parse(next) - clock.now().getTime()), timerLookMs);
    workflowTimer = setTimeout(fireDueTimers, delay);
    workflowTimer.unref();
  }
  function fireDueTimers(): void {
    workflowTimer = null;
    workflowTimerAt = null;
    // Looked at early (the delay is capped): nothing is due yet, so no transaction, only a new look.
    const next = engine.nextDue();
    if (next === null || Date.parse(next) > clock.now().getTime()) return scheduleTimers();
    let fired = 0;
    try {
      fired = store.durableTransaction(() => engine.fireDue());
    } catch (error) {
      changes.discard();
      logger.error('workflow timers failed', { error: error instanceof Error ? error.message : String(error) });
    }
    if (fired > 0) afterCommit();
    else scheduleTimers();
  }

  let statusTimer: NodeJS.Timeout | null = null;
  function statusChanged(): void {
    // Coalesced: a burst of events must not flood the renderer with status pushes.
    statusTimer ??= setTimeout(() => {
      statusTimer = null;
      bus.publish('connectors.statusChanged', connectors.map((c) => c.status()));
    }, 100);
  }

  let closed = false;
  const clientId = config.clientId ?? workstationClientId(repos, clock);
  // Each connector's ingest, by connector id: Monitor replays a dead letter on the one it came on.
  const ingests = new Map(connectorSettings.map((settings) => [settings.id, createEventIngest({ connectorId: settings.id, store, repos, engine, changes, clock, logger, plan: () => planning.index(), lineStops })]));
  const connectors: GatewayConnector[] = connectorSettings.map((settings) =>
    createGatewayConnector({
      settings,
      clientId,
      ingest: ingests.get(settings.id)!,
      repos,
      handleReplies,
      clock,
      logger,
      replyTimeoutMs: config.replyTimeoutMs ?? 5_000,
      onStatusChange: statusChanged,
      // Events may have emitted commands (a block for a failed lot): the pushers wake too. A snapshot
      // may date the plan before the day this workstation is on.
      onApplied: () => {
        afterCommit();
        followTheCalendar();
      },
    }),
  );

  /** Sign-in goes to the gateway the ERP connector talks to. */
  /** The ERP connector's gateway signs sessions; the connectors are made once, so it is looked up once. */
  let erpConnector: GatewayConnector | undefined;
  function signInGateway(): GatewayConnector {
    erpConnector ??= connectors.find((connector) => connectorSettings.find((settings) => settings.id === connector.id)?.kind === 'erp');
    if (!erpConnector) throw new Error('no ERP connector is configured');
    return erpConnector;
  }

  const impact = createImpactHandlers({ repos, engine, commit });
  const scenarios = createScenarioHandlers({
    repos,
    plan: () => planning.index(),
    commit,
    clock,
    newId: randomUUID,
    respond: (args, user) => impact['impact.respond'](args, { user }),
  });
  const handlers: Handlers<AppApi> = {
    ...createQuarantineHandlers({
      repos,
      engine,
      queries,
      deviationNumberPattern,
      changes,
      clock,
      commit,
    }),
    ...impact,
    'impact.reroute': createRerouteHandler({ repos, engine, commit }),
    ...createApprovalsHandlers({ repos, engine, role: () => caller()?.role ?? null, commit }),
    'connectors.status': () => connectors.map((connector) => connector.status()),
    'connectors.test': (args) => testConnection(args, { clock, clientId }),
    'connectors.about': () => ({ embeddedSimulator: embedded !== null, dataFolder: path.dirname(path.resolve(config.databasePath)), notices: [...notices] }),
    ...rebalancing.handlers,
    ...stock.handlers,
    ...scenarios,
    ...createMonitorHandlers({ repos, engine, commit, clock, ingestOf: (connectorId) => ingests.get(connectorId), queries: createMonitorQueries(store.db), commands: { repos, newId: randomUUID, routeCommand, sessionToken: session.tokenFor }, ...(config.logLines ? { logLines: config.logLines } : {}) }),
    ...createAlertsHandlers({ repos, changes, clock, commit }),
    'session.current': () => session.state(),
    'session.signIn': (request) => session.signIn(request),
    'session.signOut': () => session.signOut(),
    'master.get': () => masterData(),
    ...createAuditHandlers({ repos }),
  };

  /**
   * Planning moves on with the clock: once the calendar day is past the plan's, the plan counts from
   * today (what was due before is due now) and is built again.
   */
  function followTheCalendar(): void {
    const day = calendarDayOf(clock.now());
    const planned = repos.planning.today();
    if (planned === null || planned >= day) return;
    store.transaction(() => repos.planning.setToday(day));
    changes.planningReplaced();
    publishChanges();
  }
  followTheCalendar();
  const calendarTimer = setInterval(followTheCalendar, 60_000);
  calendarTimer.unref();

  fireDueTimers();
  for (const connector of connectors) connector.start();
  // A line stop left half weighed when the app last closed.
  weigher.look();

  return {
    handlers,
    subscribe: bus.subscribe,
    connectorSettings,
    clientId,
    caller,
    restoreSession: () => session.restore(),
    async close() {
      if (closed) return;
      closed = true;
      session.close();
      if (statusTimer) clearTimeout(statusTimer);
      if (workflowTimer) clearTimeout(workflowTimer);
      clearInterval(calendarTimer);
      weigher.close();
      reweigher.close();
      stock.close();
      await Promise.all(connectors.map((connector) => connector.stop()));
      await rebalancing.close();
      store.close();
      await embedded?.close();
    },
  };
}
