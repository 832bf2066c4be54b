// Who may call each API method: the core refuses the rest (orchestration-core/services/commit-path.ts),
// and the renderer may hide what the signed-in role may not do. A new method without a row fails to compile.
import { roles, type Role } from '../domain';
import type { ApiMethod } from './index';

const everyRole: readonly Role[] = roles;
/** Usage decisions are the quality engineer's; a supervisor approves a use-as-is, in Approvals. */
const qualityEngineer: readonly Role[] = ['quality-engineer'];
const plannerOrSupervisor: readonly Role[] = ['planner', 'supervisor'];
/** Policy: only a supervisor decides a request for approval (and never their own: approvals-handlers.ts). */
const supervisor: readonly Role[] = ['supervisor'];
/** Support: who runs the app at a plant, and a supervisor. */
const operatorOrSupervisor: readonly Role[] = ['operator', 'supervisor'];

export const methodRoles: Record<ApiMethod, readonly Role[]> = {
  'quarantine.list': everyRole,
  'stock.list': everyRole,
  'stock.pegUp': everyRole,
  'stock.explain': everyRole,
  'stock.search': everyRole,
  'scenarios.list': everyRole,
  'scenarios.compare': everyRole,
  // A planner's what-ifs: saving, applying and deleting them is theirs (or a supervisor's).
  'scenarios.save': plannerOrSupervisor,
  'scenarios.apply': plannerOrSupervisor,
  'scenarios.delete': plannerOrSupervisor,
  'monitor.deadLetters': operatorOrSupervisor,
  'monitor.instances': operatorOrSupervisor,
  'monitor.instance': operatorOrSupervisor,
  'monitor.outbox': operatorOrSupervisor,
  'monitor.replayDeadLetters': operatorOrSupervisor,
  'monitor.discardDeadLetter': operatorOrSupervisor,
  'monitor.retryIncident': operatorOrSupervisor,
  'monitor.unitMappings': operatorOrSupervisor,
  'monitor.mapUnit': operatorOrSupervisor,
  'monitor.logLines': operatorOrSupervisor,
  'quarantine.disposition': qualityEngineer,
  'quarantine.withdraw': qualityEngineer,
  'quarantine.reopen': qualityEngineer,
  'quarantine.containment': everyRole,
  'quarantine.lookup': everyRole,
  'connectors.status': everyRole,
  'connectors.test': operatorOrSupervisor,
  'connectors.about': everyRole,
  'session.current': everyRole,
  'session.signIn': everyRole,
  'session.signOut': everyRole,
  'impact.exceptions': everyRole,
  'impact.exception': everyRole,
  'impact.respond': plannerOrSupervisor,
  'impact.reroute': plannerOrSupervisor,
  'approvals.list': everyRole,
  'approvals.decide': supervisor,
  'alerts.list': everyRole,
  // Whoever sees a scrap spike on the floor may say it was seen.
  'alerts.acknowledge': everyRole,
  'rebalancing.proposals': everyRole,
  'rebalancing.accept': plannerOrSupervisor,
  'rebalancing.reject': plannerOrSupervisor,
  'master.get': everyRole,
  // Every role reads the trail of what was done at this workstation, its own steps included.
  'audit.entries': everyRole,
};

/** Why a role may not call a method: `field` is what the refusal names first, as every API error does. */
export interface RoleRefusal {
  field: string;
  reason: string;
}

/** What a refused role may not do, in the words the core has always answered with. */
const refusedWork: Partial<Record<ApiMethod, string>> = {
  'quarantine.disposition': 'post usage decisions',
  'quarantine.withdraw': 'post usage decisions',
  'quarantine.reopen': 'post usage decisions',
  'impact.respond': 'respond to exceptions',
  'impact.reroute': 'reroute production orders',
  'connectors.test': 'test gateway connections',
  'rebalancing.accept': 'decide rebalancing proposals',
  'rebalancing.reject': 'decide rebalancing proposals',
  'scenarios.save': 'save scenarios',
  'scenarios.apply': 'apply scenarios',
  'scenarios.delete': 'delete scenarios',
  'monitor.deadLetters': 'read dead letters',
  'monitor.instances': 'read workflow instances',
  'monitor.instance': 'read workflow instances',
  'monitor.outbox': 'read the outbox',
  'monitor.replayDeadLetters': 'replay dead letters',
  'monitor.discardDeadLetter': 'discard dead letters',
  'monitor.retryIncident': 'retry incidents',
  'monitor.unitMappings': 'read the plants\' unit mappings',
  'monitor.mapUnit': 'map a plant\'s unit codes',
  'monitor.logLines': 'read the log',
};

/** What a workstation answers with nobody signed in: the sign-in screen's needs. */
export const methodsWithoutSession: ReadonlySet<ApiMethod> = new Set(['session.current', 'session.signIn', 'session.signOut', 'connectors.status', 'connectors.about']);

/** "a planner", "an operator": a role in a sentence. */
export function roleWithArticle(role: Role): string {
  const words = role.replace('-', ' ');
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
}

export function mayCall(role: Role, method: ApiMethod): boolean {
  return methodRoles[method].includes(role);
}

/** Why `role` may not call `method`, or null when it may. */
export function roleRefusal(method: ApiMethod, role: Role): RoleRefusal | null {
  if (mayCall(role, method)) return null;
  // The Approvals grid shows this reason on every row the role cannot decide: a sentence, not a field error.
  if (method === 'approvals.decide') return { field: 'approvalId', reason: `Only a supervisor can decide; you are signed in as ${roleWithArticle(role)}.` };
  return { field: 'role', reason: `${roleWithArticle(role)} cannot ${refusedWork[method] ?? `call ${method}`}` };
}
