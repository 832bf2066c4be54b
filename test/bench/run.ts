// `npm run bench`: every benchmark, each printing figures beside their targets and the ratio. It
// never fails on a time: the figures are for reading and for the issue notes.
// BENCH_ONLY=planning|stock|plumbing|quarantine|quality|impact-grid|rebalancing|line-stop|one-world runs one part; BENCH_SCALES=1,10 picks the planning scales
// (the stock/requirements bench runs at the largest);
// BENCH_CATCH_UP and BENCH_DRAIN size the plumbing runs (500,000 and 20,000 by default; the drain takes its lots from the catch-up); BENCH_STORM_SECONDS shortens the impact-grid storm
// (see impact-grid-browser.ts for its other settings).
import { benchExceptionReweigh } from './exception-reweigh';
import { benchImpactGridBrowser } from './impact-grid-browser';
import { benchLineStop } from './line-stop';
import { benchMonitorQueries } from './monitor-queries';
import { benchOneWorld } from './one-world';
import { benchPlanning } from './planning';
import { benchPlumbing } from './plumbing';
import { benchQuality } from './quality';
import { benchQuarantineSlice } from './quarantine-slice';
import { benchRebalancing } from './rebalancing';
import { benchStockRequirements } from './stock-requirements';

const only = process.env['BENCH_ONLY'];
const scales = (process.env['BENCH_SCALES'] ?? '1,10').split(',').map(Number);

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${new Date().toISOString()}`);
  if (!only || only === 'planning') for (const scale of scales) benchPlanning(scale);
  if (!only || only === 'stock') benchStockRequirements(Math.max(...scales));
  if (!only || only === 'reweigh') await benchExceptionReweigh(Math.max(...scales));
  if (!only || only === 'plumbing') await benchPlumbing();
  if (!only || only === 'quarantine') await benchQuarantineSlice();
  if (!only || only === 'quality') benchQuality();
  if (!only || only === 'impact-grid') await benchImpactGridBrowser();
  if (!only || only === 'rebalancing') await benchRebalancing();
  if (!only || only === 'line-stop') benchLineStop();
  if (!only || only === 'monitor') benchMonitorQueries();
  if (!only || only === 'one-world') await benchOneWorld();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
