// The one typed API contract between the core (through a host) and the renderer.
import type { z } from 'zod';
import { alertsArgSchemas, type AlertRow, type AlertsApi } from './alerts';
import { auditArgSchemas, type AuditApi } from './audit';
import { approvalsArgSchemas, type ApprovalRow, type ApprovalsApi } from './approvals';
import { connectorsArgSchemas, type ConnectorsApi, type ConnectorStatus } from './connectors';
import { impactArgSchemas, type ExceptionRow, type ImpactApi } from './impact';
import { masterArgSchemas, type MasterApi, type MasterData } from './master';
import { rebalancingArgSchemas, type RebalancingApi, type RebalancingSnapshot } from './rebalancing';
import { quarantineArgSchemas, type QuarantineApi, type QuarantineRow } from './quarantine';
import { sessionArgSchemas, type SessionApi, type SessionState } from './session';
import { monitorArgSchemas, type MonitorApi } from './monitor';
import { scenariosArgSchemas, type ScenariosApi } from './scenarios';
import { stockArgSchemas, type StockApi } from './stock-requirements';

export type AppApi = QuarantineApi & ConnectorsApi & SessionApi & ImpactApi & ApprovalsApi & AlertsApi & RebalancingApi & MasterApi & AuditApi & StockApi & ScenariosApi & MonitorApi;
export type ApiMethod = keyof AppApi;
export type ApiArgs<M extends ApiMethod> = Parameters<AppApi[M]>[0];
export type ApiValue<M extends ApiMethod> = ReturnType<AppApi[M]>;

export const apiArgSchemas: { [M in ApiMethod]: z.ZodType<ApiArgs<M>> } = {
  ...quarantineArgSchemas,
  ...connectorsArgSchemas,
  ...sessionArgSchemas,
  ...impactArgSchemas,
  ...approvalsArgSchemas,
  ...alertsArgSchemas,
  ...rebalancingArgSchemas,
  ...masterArgSchemas,
  ...auditArgSchemas,
  ...stockArgSchemas,
  ...scenariosArgSchemas,
  ...monitorArgSchemas,
};

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiArgSchemas, name);
}

/** Who is calling: the signed-in person, as the core's session holds them (never what a host or window says). */
export interface CallContext {
  user: string;
}

/** A domain's handler map as the core implements it (`satisfies Handlers<QuarantineApi>`). */
export type Handlers<Api> = {
  [M in keyof Api]: Api[M] extends (args: infer A) => infer R ? (args: A, context: CallContext) => R | Promise<R> : never;
};

/** What the core pushes to the renderer. */
export interface AppEvents {
  'quarantine.rowChanged': QuarantineRow;
  'connectors.statusChanged': ConnectorStatus[];
  'impact.exceptionChanged': ExceptionRow;
  'approvals.changed': ApprovalRow;
  'alerts.changed': AlertRow;
  /** The whole list with its status: a few hundred rows at most, pushed at most once a second. */
  'rebalancing.changed': RebalancingSnapshot;
  /** Units or currency changed (a snapshot brought master data). */
  'master.changed': MasterData;
  /** Signed in, signed out, or the sign-in ran out. */
  'session.changed': SessionState;
  /** The plan changed (events, a snapshot): open stock/requirements lists ask again. At most once a second. */
  'planning.changed': { at: string };
}
export type AppEventTopic = keyof AppEvents;
export const appEventTopics: readonly AppEventTopic[] = ['quarantine.rowChanged', 'connectors.statusChanged', 'impact.exceptionChanged', 'approvals.changed', 'alerts.changed', 'rebalancing.changed', 'master.changed', 'session.changed', 'planning.changed'];

export type { QuarantineRow, ConnectorStatus, ExceptionRow, ApprovalRow, AlertRow, RebalancingSnapshot, MasterData, SessionState };
export * from './result';
