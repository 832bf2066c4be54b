// One world across workstations, over real parts (a simulator at planning scale 1 on 127.0.0.1, two
// cores with their own SQLite files): how long what one workstation decides takes to show on the
// other. An answer to a supplier delay given on the first planner's workstation, until the second
// reads it answered by them; a usage decision posted on a quality engineer's workstation, until the
// planner's Quarantine reads the lot decided.
import { gatewayConnectors } from '../../electron/gateway-connectors';
import { PlanIndex } from '../../orchestration-core/analysis/plan-index';
import type { Core } from '../../orchestration-core/core-types';
import { createCore } from '../../orchestration-core/host';
import type { Role } from '../../shared/domain';
import { dateOf, dayOf } from '../../shared/plan-days';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { quietLogger } from '../helpers/core-parts';
import { makeTempDir } from '../helpers/temp-dir';
import { signInAs } from '../helpers/signed-in';
import { waitFor } from '../helpers/wait-for';
import { figure, percentile, report } from './report';

const rounds = Number(process.env['BENCH_ONE_WORLD_ROUNDS'] ?? 20);
const delayDays = 20;
/** What the issue asks of a decision seen on another workstation. */
const targetMs = 2000;

async function open(temp: ReturnType<typeof makeTempDir>, gateway: Gateway, user: string, role: Role): Promise<{ core: Core; as: { user: string } }> {
  const core = await createCore({ databasePath: temp.file(`${user}.sqlite`), connectors: gatewayConnectors(gateway.baseUrl), logger: quietLogger });
  const as = { user };
  await signInAs(core, gateway, user, role);
  await waitFor(`${user} online`, async () => (await core.handlers['connectors.status']({}, as)).every((c) => c.state === 'online'), 60_000);
  return { core, as };
}

function summarize(name: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  figure(`${name}, median of ${sorted.length}`, percentile(sorted, 50), 'ms');
  report(`${name}, p95`, percentile(sorted, 95), 'ms', targetMs, false);
}

export async function benchOneWorld(): Promise<void> {
  console.log(`\n# one world: two workstations on one gateway, planning scale 1, ${rounds} rounds each`);
  const temp = makeTempDir();
  const gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 7, planningScale: 1 });
  const cores: Core[] = [];
  try {
    const omar = await open(temp, gateway, 'pl.omar', 'planner');
    const lena = await open(temp, gateway, 'pl.lena', 'planner');
    const maria = await open(temp, gateway, 'qe.maria', 'quality-engineer');
    cores.push(omar.core, lena.core, maria.core);

    // Delays that make customer orders later, so each is an exception a planner answers.
    const dataset = gateway.inspect.planningDataset()!;
    const index = new PlanIndex(dataset, dataset.today);
    const lines = dataset.poLines.filter((line) => line.asnId && index.whatIf([{ kind: 'poLine', poLine: { ...line, expectedDate: dateOf(dayOf(line.expectedDate) + delayDays) } }]).customerOrders.length > 0).slice(0, rounds);
    const answered: number[] = [];
    for (const line of lines) {
      gateway.scenario.supplierDelay({ poLineId: line.id, days: delayDays });
      const row = await waitFor('the delay on both workstations', async () => {
        const here = (await omar.core.handlers['impact.exceptions']({}, omar.as)).find((r) => r.sourceDocument.startsWith(`${line.id} `) && r.status === 'open');
        const there = here && (await lena.core.handlers['impact.exceptions']({}, lena.as)).find((r) => r.id === here.id);
        return there ? here : undefined;
      }, 30_000);
      const started = performance.now();
      await omar.core.handlers['impact.respond']({ exceptionId: row.id, responseId: 'accept-delay', note: 'bench' }, omar.as);
      await waitFor('the answer on the other workstation', async () => ((await lena.core.handlers['impact.exception']({ id: row.id }, lena.as)).choice?.by === 'pl.omar' ? true : undefined), 30_000, 2);
      answered.push(performance.now() - started);
    }
    summarize('answer seen on the other planner', answered);

    const decided: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const { lotId } = gateway.scenario.inspectionFailure({ quantity: 100 });
      const held = await waitFor('the lot on both workstations', async () => {
        const here = (await maria.core.handlers['quarantine.list']({}, maria.as)).find((r) => r.lotId === lotId && r.taskState === 'awaiting-decision');
        const there = here && (await omar.core.handlers['quarantine.list']({}, omar.as)).some((r) => r.lotId === lotId);
        return there ? here : undefined;
      }, 30_000);
      const started = performance.now();
      await maria.core.handlers['quarantine.disposition']({ taskId: held.taskId, postings: [{ decision: 'release', quantity: 60 }, { decision: 'scrap', quantity: 40 }], reason: 'bench' }, maria.as);
      await waitFor('the decision on the planner’s workstation', async () => ((await omar.core.handlers['quarantine.list']({}, omar.as)).find((r) => r.lotId === lotId)?.taskState === 'decided' ? true : undefined), 30_000, 2);
      decided.push(performance.now() - started);
    }
    summarize('usage decision seen on the planner', decided);
  } finally {
    await Promise.all(cores.map((core) => core.close()));
    await gateway.close();
    temp.remove();
  }
}
