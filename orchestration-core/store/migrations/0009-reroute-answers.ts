// A line stop's rerouted orders carry the ERP's answer to their reroute. Reroutes made before this
// version get it from their command's row in the outbox.
import type Database from 'better-sqlite3';
import { upstreamOf, type LineStopDetail } from '../../../shared/api/impact';
import type { CommandReply } from '../../../shared/commands';

type OldHeldUpOrder = Omit<LineStopDetail['orders'][number], 'rerouted'> & { rerouted: { plant: string; line: string; commandId: string } | null };

export function up(db: Database.Database): void {
  const stops = db.prepare<[], { id: string; detail: string }>("SELECT id, detail FROM exceptions WHERE type = 'line-stop'").all();
  const reply = db.prepare<[string], { status: CommandReply['status'] | 'pending'; reason: string | null }>("SELECT status, json_extract(reply, '$.reason') AS reason FROM outbox WHERE command_id = ?");
  const update = db.prepare('UPDATE exceptions SET detail = ? WHERE id = ?');
  for (const stop of stops) {
    const detail = JSON.parse(stop.detail) as Omit<LineStopDetail, 'orders'> & { orders: OldHeldUpOrder[] };
    const orders = detail.orders.map((order) => {
      if (!order.rerouted) return order;
      const answer = reply.get(order.rerouted.commandId);
      const upstream = !answer || answer.status === 'pending' ? { state: 'pending' as const } : upstreamOf({ status: answer.status, ...(answer.reason === null ? {} : { reason: answer.reason }) });
      return { ...order, rerouted: { ...order.rerouted, upstream } };
    });
    update.run(JSON.stringify({ ...detail, orders }), stop.id);
  }
}
