// The ERP's answer to a reroute, written on the line stop that sent it: Order Impact shows it beside
// the order, and an order whose reroute was refused waits for the line with the others.
import { upstreamOf } from '../../shared/api/impact';
import type { CommandReply } from '../../shared/commands';
import type { ChangeTracker } from '../engine/change-tracker';
import type { PlanAnalysis } from '../engine/workflow';
import type { Repos } from '../store/repos';
import { reprojectLineStop } from '../workflows/line-stop-responses';

/** plan: a refusal puts the order back on the line, so the line stop's responses are projected again. */
export function recordRerouteReply(reply: CommandReply, repos: Repos, changes: ChangeTracker, plan: PlanAnalysis | null): void {
  const exceptionId = repos.exceptions.reroutedBy(reply.commandId);
  const stored = exceptionId === undefined ? undefined : repos.exceptions.get(exceptionId);
  if (!exceptionId || !stored || !('stoppageId' in stored.detail)) return;
  const upstream = upstreamOf(reply);
  const orders = stored.detail.orders.map((order) => (order.rerouted?.commandId === reply.commandId ? { ...order, rerouted: { ...order.rerouted, upstream } } : order));
  repos.exceptions.setDetail(exceptionId, { ...stored.detail, orders });
  if (upstream.state === 'refused') reprojectLineStop(exceptionId, repos, plan);
  changes.exceptionChanged(exceptionId);
}
