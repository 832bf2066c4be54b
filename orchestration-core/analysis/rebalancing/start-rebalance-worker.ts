// Starts the rebalancing worker from its TypeScript source under tsx, as development, tests and
// benchmarks run. The packaged app starts the bundled dist/electron/rebalance-worker.cjs instead
// (build/bundle-electron.mjs), where neither the source nor tsx exists.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export function startRebalanceWorkerFromSource(): Worker {
  // Resolved from here rather than from the working directory, which a test or a host may change.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return new Worker(new URL('./rebalance-worker.ts', import.meta.url), { execArgv: ['--import', tsx] });
}
