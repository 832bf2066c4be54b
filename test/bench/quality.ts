// Quality on the floor: how fast the plant connector reads B2MML, and how fast containment follows a
// deep genealogy in a real SQLite file. Figures with the targets a floor tablet needs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { translateB2mml } from '../../orchestration-core/connectors/b2mml/translate';
import { openStore } from '../../orchestration-core/store/open-store';
import { createRepos } from '../../orchestration-core/store/repos';
import { makeTempDir } from '../helpers/temp-dir';
import { percentile, report } from './report';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/b2mml');
const messagesPerFixture = Number(process.env['BENCH_B2MML'] ?? 2000);
const failedLots = Number(process.env['BENCH_GENEALOGY_LOTS'] ?? 2000);

const targets = {
  /** A plant's MES at its busiest sends a few messages a second; a catch-up after a shift, thousands. */
  b2mmlMessagesPerSecond: 1000,
  /** Containment opens with the lot's panel: within a frame budget of the panel's other reads. */
  containmentP95Ms: 50,
};

function benchB2mml(): void {
  for (const file of ['v0700-operations-performance.xml', 'v0700-material-lot.xml', 'examples-v0401/PRO-20121210181416-27942.xml']) {
    const xml = readFileSync(path.join(fixtures, file), 'utf8');
    let events = 0;
    const started = performance.now();
    for (let i = 0; i < messagesPerFixture; i++) {
      const result = translateB2mml(xml, { id: `bench-${i}`, stream: 'mes.P1', seq: i + 1, source: 'bench', occurredAt: '2026-12-01T08:00:00Z', plant: 'P1' });
      if (!result.ok) throw new Error(`${file}: ${result.reason}`);
      events += result.events.length;
    }
    const seconds = (performance.now() - started) / 1000;
    report(`B2MML ${path.basename(file)} (${(xml.length / 1024).toFixed(1)} KB, ${events / messagesPerFixture} events)`, messagesPerFixture / seconds, 'messages/s', targets.b2mmlMessagesPerSecond, true);
  }
}

/** Each failed lot goes into 3 orders; each lot they make into 2 more, three levels: 3 + 6 + 12 lots below it. */
function benchContainment(): void {
  const temp = makeTempDir();
  const store = openStore(temp.file('genealogy.sqlite'));
  try {
    const repos = createRepos(store.db);
    const at = '2026-12-01T08:00:00Z';
    let order = 0;
    let made = 0;
    store.transaction(() => {
      const makeFrom = (lotId: string, children: number[], depth: number): void => {
        if (depth === children.length) return;
        for (let c = 0; c < children[depth]!; c++) {
          const productionOrderId = `MO-${++order}`;
          const child = `L-M${++made}`;
          repos.genealogy.recordGoodsIssue(productionOrderId, lotId, 10, 'EA', at);
          repos.genealogy.recordOutput(productionOrderId, child, 'FG-1', 5, 'EA', at);
          makeFrom(child, children, depth + 1);
        }
      };
      for (let lot = 0; lot < failedLots; lot++) makeFrom(`L-F${lot}`, [3, 2, 2], 0);
    });
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < 500; i++) {
      const started = performance.now();
      found = repos.genealogy.descendantsOf(`L-F${(i * 7919) % failedLots}`).length;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`genealogy: ${failedLots} failed lots, ${made} lots made from them by ${order} orders; ${found} lots below each`);
    report('containment, three levels (p95)', percentile(times, 95), 'ms', targets.containmentP95Ms, false);
    report('containment, three levels (median)', percentile(times, 50), 'ms', targets.containmentP95Ms, false);
  } finally {
    store.close();
    temp.remove();
  }
}

export function benchQuality(): void {
  console.log('\n# quality: B2MML and containment');
  benchB2mml();
  benchContainment();
}
