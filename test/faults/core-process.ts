// A core in its own process, for the kill test: it connects to the gateway at GATEWAY_URL with the
// database at CORE_DB, and a quality engineer (a loop here) dispositions every lot that goes on hold.
// After each decision commits it prints `decided <commandId> <lotId>`, so the test knows which
// decisions existed before it killed the process.
import { writeSync } from 'node:fs';
import { gatewayConnectors } from '../../electron/gateway-connectors';
import { createCore } from '../../orchestration-core/host';
import type { QuarantineRow } from '../../shared/api/quarantine';
import { dispositionDecisions } from '../../shared/domain';
import { testPassword } from '../helpers/signed-in';

const databasePath = process.env.CORE_DB;
const gatewayUrl = process.env.GATEWAY_URL;
if (!databasePath || !gatewayUrl) throw new Error('CORE_DB and GATEWAY_URL must be set');

const say = (line: string) => writeSync(1, `${line}\n`);
const context = { user: 'qe.fault' };
const logger = { info: () => {}, warn: () => {}, error: (message: string, fields?: Record<string, unknown>) => say(`error ${message} ${JSON.stringify(fields)}`) };

const core = await createCore({ databasePath, connectors: gatewayConnectors(gatewayUrl), replyTimeoutMs: 1_000, logger });
// Signed in as the test put the engineer on the gateway, once the ERP connector is up (a restart signs in again).
const erpOnline = async () => (await core.handlers['connectors.status']({}, context)).some((c) => c.kind === 'erp' && c.state === 'online');
for (let tries = 0; tries < 300 && !(await erpOnline()); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
await core.handlers['session.signIn']({ user: context.user, password: testPassword }, context);

const deciding = new Set<string>();
function decide(row: QuarantineRow): void {
  if (row.taskState !== 'awaiting-decision' || deciding.has(row.taskId)) return;
  deciding.add(row.taskId);
  setImmediate(() => {
    const choices = dispositionDecisions.filter((d) => d !== 'use-as-is');
    const decision = choices[Number(row.lotId.replace(/\D/g, '')) % choices.length] ?? 'scrap';
    try {
      const result = core.handlers['quarantine.disposition']({ taskId: row.taskId, postings: [{ decision, quantity: row.quantity }], reason: 'fault test decision' }, context);
      if (result instanceof Promise) throw new Error('disposition is synchronous in the core');
      say(`decided ${result.commandId} ${row.lotId}`);
    } catch (error) {
      // As the engineer's screen would show it, without ending the process: the test prints these when it fails.
      deciding.delete(row.taskId);
      say(`refused ${row.lotId} ${error instanceof Error ? error.message : String(error)}`);
      // The lot moved on between the row and the decision (its quantity, say): decide it as it is now.
      void Promise.resolve(core.handlers['quarantine.list']({}, context)).then((rows) => {
        const current = rows.find((candidate) => candidate.lotId === row.lotId);
        if (current) decide(current);
      });
    }
  });
}

core.subscribe('quarantine.rowChanged', decide);
for (const row of await core.handlers['quarantine.list']({}, context)) decide(row);
// Ready once synced: a new client's first sync is a snapshot, and the burst must come as events after it.
const online = async () => (await core.handlers['connectors.status']({}, context)).every((c) => c.state === 'online');
for (let tries = 0; tries < 300 && !(await online()); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
say('ready');

process.on('SIGTERM', () => {
  void core.close().then(() => process.exit(0));
});
