// Every API method answered with an empty or not-found result: the hosts' tests override the few
// they exercise, so adding a method to the contract means one stub here.
import { standardUnits } from '../../shared/units';
import { ApiFailure, type AppApi, type Handlers } from '../../shared/api';

const signedInAs = (user: string) => ({ signedIn: true as const, user, displayName: user, role: 'quality-engineer' as const, plant: null, expiresAt: '2099-01-01T00:00:00.000Z', expired: false, deviationNumberPattern: '^DEV-\\d{1,8}$' });

export function stubHandlers(overrides: Partial<Handlers<AppApi>> = {}): Handlers<AppApi> {
  return {
    'quarantine.list': () => [],
    'quarantine.disposition': (args) => ({ commandId: `cmd-${args.taskId}`, containmentCommandIds: [] }),
    'quarantine.withdraw': () => ({}),
    'quarantine.reopen': () => ({}),
    'quarantine.containment': ({ lotId }) => ({ lotId, unit: 'KG', consumedBy: [], lots: [] }),
    'quarantine.lookup': ({ lotId }) => ({ lotId, onHold: false, lot: null, decision: null }),
    'impact.reroute': ({ exceptionId }) => {
      throw new ApiFailure('not-found', `exceptionId: no line stop ${exceptionId}`);
    },
    'rebalancing.proposals': () => ({ status: { state: 'unavailable', message: 'no worker', computedAt: null }, proposals: [] }),
    'rebalancing.accept': () => ({ commandIds: [] }),
    'rebalancing.reject': () => ({ rejected: 0 }),
    'alerts.list': () => [],
    'alerts.acknowledge': ({ alertId }) => {
      throw new ApiFailure('not-found', `alertId: no alert ${alertId}`);
    },
    'connectors.status': () => [],
    'connectors.about': () => ({ embeddedSimulator: true, dataFolder: '/tmp/stub', notices: [] }),
    'connectors.test': () => Promise.resolve({ ok: false, reachable: false, tokenAccepted: false, problems: ['url: not in this stub'], warnings: [] }),
    'session.current': (_args, context) => signedInAs(context.user),
    'session.signIn': ({ user }) => signedInAs(user),
    'session.signOut': () => ({ signedIn: false, plant: null, lastUser: null }),
    'master.get': () => ({ currency: 'EUR', units: [...standardUnits] }),
    'audit.entries': () => ({ rows: [], entries: 0, head: '0'.repeat(64), broken: null }),
    'stock.list': () => null,
    'stock.pegUp': () => null,
    'stock.explain': () => null,
    'stock.search': () => [],
    'monitor.deadLetters': () => [],
    'monitor.instances': () => ({ rows: [], counts: { all: 0, running: 0, incidents: 0, escalated: 0 } }),
    'monitor.instance': ({ id }) => {
      throw new ApiFailure('not-found', `id: no workflow instance ${id}`);
    },
    'monitor.outbox': () => [],
    'monitor.logLines': () => Promise.resolve({ lines: [], folder: null, searched: { files: 0, bytes: 0 } }),
    'monitor.replayDeadLetters': () => ({ replayed: 0, failed: [] }),
    'monitor.discardDeadLetter': ({ id }) => {
      throw new ApiFailure('not-found', `id: no dead letter ${id}`);
    },
    'monitor.retryIncident': ({ instanceId }) => {
      throw new ApiFailure('not-found', `instanceId: no workflow instance ${instanceId}`);
    },
    'monitor.unitMappings': () => ({ mappings: [], units: [] }),
    'monitor.mapUnit': ({ plant }) => {
      throw new ApiFailure('invalid-args', `plant: ${plant} is not served here`);
    },
    'scenarios.list': () => [],
    'scenarios.save': () => ({ id: 'SC-STUB' }),
    'scenarios.compare': () => null,
    'scenarios.apply': ({ id }) => {
      throw new ApiFailure('not-found', `id: no scenario ${id}`);
    },
    'scenarios.delete': ({ id }) => {
      throw new ApiFailure('not-found', `id: no scenario ${id}`);
    },
    'impact.exceptions': () => [],
    'impact.exception': ({ id }) => {
      throw new ApiFailure('not-found', `id: no exception ${id}`);
    },
    'impact.respond': ({ exceptionId }) => {
      throw new ApiFailure('not-found', `exceptionId: no exception ${exceptionId}`);
    },
    'approvals.list': () => [],
    'approvals.decide': ({ approvalId }) => {
      throw new ApiFailure('not-found', `approvalId: no approval request ${approvalId}`);
    },
    ...overrides,
  };
}
