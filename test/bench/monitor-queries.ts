// Monitor's first pages with a store that has run for a long time: 100,000 workflow instances (half
// running, each waiting for something; 1,000 stopped at an incident), 10,000 dead letters (half
// resolved) and 2,000 commands pending upstream, in a real SQLite file. Each grid's first page, p95 of
// 50 reads against 50 ms (issue 14).
import { createMonitorQueries } from '../../orchestration-core/store/monitor-queries';
import { openStore } from '../../orchestration-core/store/open-store';
import { makeTempDir } from '../helpers/temp-dir';
import { figure, percentile, report, timed } from './report';

const targetMs = 50;
const instances = Number(process.env['BENCH_MONITOR_INSTANCES'] ?? 100_000);
const deadLetters = Number(process.env['BENCH_MONITOR_DEAD_LETTERS'] ?? 10_000);
const page = 200;

export function benchMonitorQueries(): void {
  console.log(`\n# Monitor's first pages, ${instances.toLocaleString('en-US')} workflow instances, ${deadLetters.toLocaleString('en-US')} dead letters`);
  const temp = makeTempDir();
  const store = openStore(temp.file('core.sqlite'));
  try {
    const [, fillMs] = timed(() =>
      store.transaction(() => {
        const instance = store.db.prepare("INSERT INTO workflow_instances (id, workflow, version, correlation_key, status, step, state, created_at, updated_at) VALUES (?, ?, 2, ?, ?, 'start', '{}', ?, ?)");
        const wait = store.db.prepare('INSERT INTO workflow_waits (instance_id, kind, key, step, due_at, attempt, signal, error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
        const history = store.db.prepare("INSERT INTO workflow_history (instance_id, kind, detail, at) VALUES (?, ?, '{}', ?)");
        const start = Date.parse('2026-01-01T00:00:00Z');
        for (let i = 0; i < instances; i++) {
          const id = `WF-${i}`;
          const at = new Date(start + i * 60_000).toISOString();
          const running = i % 2 === 0;
          instance.run(id, i % 3 === 0 ? 'inspection-failed' : 'supplier-delay', `L-${i}`, running ? 'running' : 'completed', at, at);
          history.run(id, 'started', at);
          history.run(id, 'step', at);
          if (!running) continue;
          if (i % 100 === 0) wait.run(id, 'incident', null, 'block', null, 3, '{}', 'ERP down', at);
          else if (i % 4 === 0) wait.run(id, 'task', `T-${i}`, 'decided', null, null, null, null, at);
          else wait.run(id, 'timer', null, 'escalate', new Date(start + (i + 600) * 60_000).toISOString(), null, null, null, at);
        }
        const letter = store.db.prepare('INSERT INTO dead_letters (connector, stream, seq, event_id, reason, raw, received_at, resolution) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
        for (let i = 0; i < deadLetters; i++) letter.run('plant-P1', 'mes.P1', i + 1, `E-${i}`, `payload.quantity: expected number (${i % 7})`, JSON.stringify({ id: `E-${i}`, payload: { xml: 'x'.repeat(2000) } }), new Date(start + i * 1000).toISOString(), i % 2 === 0 ? 'discarded' : null);
        const command = store.db.prepare("INSERT INTO outbox (command_id, connector, type, entity_id, envelope, status, attempts, created_at) VALUES (?, 'erp', 'lot.setStatus', ?, '{}', 'pending', ?, ?)");
        for (let i = 0; i < 2000; i++) command.run(`cmd-${i}`, `L-${i}`, i % 5, new Date(start + i * 1000).toISOString());
      }),
    );
    figure('store filled', fillMs, 'ms');
    const queries = createMonitorQueries(store.db);
    const measure = (label: string, read: () => unknown) => {
      const samples: number[] = [];
      for (let i = 0; i < 50; i++) samples.push(timed(read)[1]);
      samples.sort((a, b) => a - b);
      report(`${label}, p95`, percentile(samples, 95), 'ms', targetMs, false);
    };
    measure(`workflows, all, first ${page}`, () => queries.instances('all', page));
    measure(`workflows, running, first ${page}`, () => queries.instances('running', page));
    measure(`workflows, incidents, first ${page}`, () => queries.instances('incidents', page));
    measure('one instance with its history', () => queries.instance(`WF-${instances - 2}`));
    measure(`dead letters, open, first ${page}`, () => queries.deadLetters(true, page));
    measure(`dead letters, all, first ${page}`, () => queries.deadLetters(false, page));
    measure(`outbox, pending, first ${page}`, () => queries.pendingCommands(page));
  } finally {
    store.close();
    temp.remove();
  }
}
