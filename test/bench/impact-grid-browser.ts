// The Order Impact grid under a storm: a simulator process and `npm run start:web` as in the e2e
// tests, headless Chromium on the Order Impact view, 1,000 gateway events a second (goods receipts,
// withdrawals and a steady share of supplier delays) for a minute, while a planner opens a different
// exception every two seconds. Figures from the browser: long tasks, frames, input-to-detail latency.
// BENCH_STORM_SECONDS (60), BENCH_STORM_RATE (1000 events/s), BENCH_STORM_DELAYS (10 delays/s);
// BENCH_STORM_PROFILE=FILE.cpuprofile records the renderer's CPU profile during the storm,
// BENCH_STORM_TRACE=FILE.json a Chrome trace of it (open in the DevTools Performance panel).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { control, freePort, startSimulator, startWebHost, type RunningProcess } from '../e2e/app-processes';
import {
  armInteraction,
  awaitInteraction,
  gridRowCount,
  installProbe,
  pickRow,
  startProbe,
  stopProbe,
  type InteractionSample,
  type ProbeSummary,
  type RowTarget,
} from './impact-grid-browser-probe';
import { summarizeProfile } from './impact-grid-browser-profile';
import { figure, percentile, report } from './report';

const stormSeconds = Number(process.env['BENCH_STORM_SECONDS'] ?? 60);
const eventsPerSecond = Number(process.env['BENCH_STORM_RATE'] ?? 1000);
const delaysPerSecond = Number(process.env['BENCH_STORM_DELAYS'] ?? 10);
const profilePath = process.env['BENCH_STORM_PROFILE'];
const tracePath = process.env['BENCH_STORM_TRACE'];
const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink.user_timing', 'v8.execute'];
const interactionEveryMs = 2000;
const interactionTimeoutMs = 10_000;
/** After the storm, how long the app may take to apply what is still queued before the figures are read. */
const drainTimeoutMs = 180_000;
const frameMs = 1000 / 60;

// Latency is measured to the animation frame that renders the answer (its paint ends that frame).
// RAIL (web.dev/rail): answer input with a visible response within 100 ms, finish what the user
// asked for within 1 s to keep their flow; keep main-thread work in chunks under 50 ms and animation
// at 60 frames a second. The ceiling on one long task is ours: a freeze over 200 ms is what a planner
// notices as the grid "hanging".
const targets = { p95HeaderMs: 100, p95FactsMs: 1000, maxLongTaskMs: 200, framesSeenShare: 0.9 };

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

type StreamHeads = Record<string, number>;
const sumOf = (values: Iterable<number>) => [...values].reduce((sum, value) => sum + value, 0);

/** The app's own database, read beside the running core (WAL): what it has applied and recorded. */
function openAppDatabase(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const cursors = db.prepare('SELECT COALESCE(SUM(seq), 0) AS applied FROM cursors');
  const exceptions = db.prepare('SELECT COUNT(*) AS count FROM exceptions');
  return {
    appliedEvents: () => (cursors.get() as { applied: number }).applied,
    exceptions: () => (exceptions.get() as { count: number }).count,
    close: () => db.close(),
  };
}

async function waitFor<T>(check: () => Promise<T> | T, what: string, timeoutMs: number): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

type RendererMetrics = Record<string, number>;

/** Chromium's counters for the page's renderer: CPU time (robust to a loaded machine, unlike wall time), layouts, styles. */
async function rendererMetrics(cdp: CDPSession): Promise<RendererMetrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

function reportRendererWork(before: RendererMetrics, after: RendererMetrics, seconds: number): void {
  const delta = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
  figure('storm: renderer main thread CPU', delta('ThreadTime'), `s (${((100 * delta('ThreadTime')) / seconds).toFixed(0)}% of one core)`);
  figure('storm: renderer process CPU', delta('ProcessTime'), `s (${((100 * delta('ProcessTime')) / seconds).toFixed(0)}% of one core)`);
  figure('storm: script / layout / style recalculation', delta('ScriptDuration'), `s / ${delta('LayoutDuration').toFixed(1)} s / ${delta('RecalcStyleDuration').toFixed(1)} s`);
  figure('storm: layouts / style recalculations', delta('LayoutCount'), `/ ${delta('RecalcStyleCount')}`);
}

async function jsHeapMb(cdp: CDPSession, collectFirst: boolean): Promise<number> {
  if (collectFirst) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** Presses a row the way a planner does (a real pointer event) and waits for its delay in the detail. */
async function openException(page: Page, turn: number): Promise<InteractionSample | null> {
  const row = (await page.evaluate(pickRow(turn))) as RowTarget | null;
  if (!row) return null;
  await page.evaluate(armInteraction(interactionTimeoutMs));
  await page.mouse.click(row.x, row.y);
  return (await page.evaluate(awaitInteraction)) as InteractionSample;
}

async function interactEvery(page: Page, everyMs: number, until: () => boolean): Promise<InteractionSample[]> {
  const samples: InteractionSample[] = [];
  for (let turn = 0; !until(); turn++) {
    const started = Date.now();
    const sample = await openException(page, turn);
    if (sample) samples.push(sample);
    const rest = everyMs - (Date.now() - started);
    if (rest > 0 && !until()) await new Promise((resolve) => setTimeout(resolve, rest));
  }
  return samples;
}

/** p95 of one moment of the interactions; prints median, p95 (against the target when given) and max. */
function reportMoment(label: string, samples: readonly InteractionSample[], moment: 'headerMs' | 'factsMs', target?: number): number {
  const after = moment === 'headerMs' ? 'headerAfterMs' : 'factsAfterMs';
  const afterTimes = samples.flatMap((sample) => (sample[after] === null ? [] : [sample[after]])).sort((a, b) => a - b);
  const times = samples.flatMap((sample) => (sample[moment] === null ? [] : [sample[moment]])).sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  figure(`${label}, shown / not within ${interactionTimeoutMs / 1000} s`, times.length, `/ ${samples.length - times.length}`);
  figure(`${label}, median`, percentile(times, 50), 'ms');
  if (target === undefined) figure(`${label}, p95`, p95, 'ms');
  else report(`${label}, p95`, p95, 'ms', target, false);
  figure(`${label}, max`, times.at(-1) ?? 0, 'ms');
  figure(`${label}, to the first task after its frame, p95`, percentile(afterTimes, 95), 'ms');
  return times.length === samples.length && times.length > 0 ? p95 : Number.POSITIVE_INFINITY;
}

function reportFrames(probe: ProbeSummary, idleFramesPerSecond: number): { seenShare: number; maxLongTask: number } {
  const expected = probe.durationMs / frameMs;
  const longTasks = [...probe.longTasks].sort((a, b) => a - b);
  const maxLongTask = longTasks.at(-1) ?? 0;
  figure('storm: browser time measured', probe.durationMs / 1000, 's');
  figure('storm: long tasks', longTasks.length, 'tasks');
  figure('storm: long tasks, total', sumOf(longTasks), 'ms');
  figure('storm: long tasks, share of the time', (100 * sumOf(longTasks)) / probe.durationMs, '%');
  figure('storm: long task, p95', percentile(longTasks, 95), 'ms');
  report('storm: long task, longest', maxLongTask, 'ms', targets.maxLongTaskMs, false);
  figure('storm: frames expected at 60 Hz', expected, 'frames');
  figure('storm: frames seen', probe.frames, 'frames');
  figure('storm: frames seen per second (idle before the storm)', probe.frames / (probe.durationMs / 1000), `fps (${idleFramesPerSecond.toFixed(1)})`);
  const seenShare = probe.frames / expected;
  report('storm: frames seen of expected at 60 Hz', 100 * seenShare, '%', 100 * targets.framesSeenShare, true);
  figure('storm: dropped frames (estimate, 60 Hz)', Math.max(0, expected - probe.frames), 'frames');
  figure('storm: frame gaps > 50 ms', probe.gapsOver50, 'gaps');
  figure('storm: frame gaps > 100 ms', probe.gapsOver100, 'gaps');
  figure('storm: longest frame gap', probe.maxGapMs, 'ms');
  const inputs = probe.slowEvents.filter((event) => /pointer|mouse|click/.test(event.name)).map((event) => event.duration);
  figure('storm: slowest input event (Event Timing, >= 16 ms)', Math.max(0, ...inputs), 'ms');
  return { seenShare, maxLongTask };
}

export async function benchImpactGridBrowser(): Promise<void> {
  console.log(
    `\nOrder Impact grid in Chromium under ${eventsPerSecond} events/s (${delaysPerSecond} supplier delays/s) for ${stormSeconds} s` +
      ' (2 cores shared by the simulator, the core, Chromium and any other benchmark running on the machine)',
  );
  console.log('renderer: `npm run start:web` builds dist/renderer before it serves it');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plant-orchestrator-bench-'));
  const processes: RunningProcess[] = [];
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs });
  let appDb: ReturnType<typeof openAppDatabase> | undefined;
  try {
    const simulator = await startSimulator(await freePort(), path.join(dataDir, 'simulator.sqlite'));
    processes.push(simulator);
    const gatewayUrl = simulator.match[1]!;
    const appDir = path.join(dataDir, 'app');
    const web = await startWebHost({ port: await freePort(), dataDir: appDir, gatewayUrl });
    processes.push(web);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(web.match[1]!);
    // A demo planner of the simulator signs in.
    await page.getByLabel('User').fill('pl.omar');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('nav-order-impact').waitFor();
    await waitFor(() => page.getByTestId('connector-status-erp').getAttribute('data-state').then((state) => state === 'online'), 'the ERP connector', 60_000);
    await page.getByTestId('nav-order-impact').click();
    await page.getByTestId('exceptions-grid').waitFor();
    await page.evaluate(installProbe);
    appDb = openAppDatabase(path.join(appDir, 'plant-orchestrator.sqlite'));
    const db = appDb;

    // A few exceptions to choose from before the storm, and the same interactions at rest for comparison.
    for (let i = 0; i < 8; i++) await control(gatewayUrl, 'POST', '/control/supplier-delay', {});
    await waitFor(async () => ((await page.evaluate(gridRowCount)) as number) >= 8, 'the first exceptions in the grid', 60_000);
    await page.evaluate(startProbe);
    const idleEnds = Date.now() + 10_000;
    const idleSamples = await interactEvery(page, 1000, () => Date.now() > idleEnds);
    const idle = (await page.evaluate(stopProbe)) as ProbeSummary;
    const idleFramesPerSecond = idle.frames / (idle.durationMs / 1000);

    const headsBefore = (await control<{ streams: StreamHeads }>(gatewayUrl, 'GET', '/control/streams')).streams;
    await waitFor(() => db.appliedEvents() >= sumOf(Object.values(headsBefore)), 'the app to apply the events before the storm', 60_000);
    const appliedBefore = db.appliedEvents();
    const exceptionsBefore = db.exceptions();
    const heapBefore = await jsHeapMb(cdp, true);
    await cdp.send('Performance.enable');
    const metricsBefore = await rendererMetrics(cdp);
    if (profilePath) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    if (tracePath) await browser.startTracing(page, { path: tracePath, categories: traceCategories });

    await page.evaluate(startProbe);
    const stormStarted = Date.now();
    await control(gatewayUrl, 'POST', '/control/storm', { eventsPerSecond, seconds: stormSeconds, delaysPerSecond });
    const stormEnds = stormStarted + stormSeconds * 1000;
    let maxLag = 0;
    const lagSampler = setInterval(() => {
      const due = Math.min(1, (Date.now() - stormStarted) / (stormSeconds * 1000)) * eventsPerSecond * stormSeconds;
      maxLag = Math.max(maxLag, due - (db.appliedEvents() - appliedBefore));
    }, 1000);
    const stormSamples = await interactEvery(page, interactionEveryMs, () => Date.now() >= stormEnds);
    clearInterval(lagSampler);
    const storm = (await page.evaluate(stopProbe)) as ProbeSummary;
    const metricsAfter = await rendererMetrics(cdp);
    if (tracePath) {
      await browser.stopTracing();
      console.log(`Chrome trace of the storm: ${tracePath}`);
    }
    if (profilePath) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profilePath, JSON.stringify(profile));
      console.log(`renderer CPU profile of the storm: ${profilePath}; most self time:`);
      for (const line of summarizeProfile(profile, 12)) console.log(`  ${line}`);
    }
    const heapAfter = await jsHeapMb(cdp, false);
    const heapAfterGc = await jsHeapMb(cdp, true);

    const headsAfter = (await control<{ streams: StreamHeads }>(gatewayUrl, 'GET', '/control/streams')).streams;
    const sent = sumOf(Object.values(headsAfter)) - sumOf(Object.values(headsBefore));
    const appliedAtEnd = db.appliedEvents() - appliedBefore;
    const drainStarted = Date.now();
    await waitFor(() => db.appliedEvents() - appliedBefore >= sent, 'the app to apply the whole storm', drainTimeoutMs).catch((error: unknown) => console.error(String(error)));
    const drainSeconds = (Date.now() - drainStarted) / 1000;
    const exceptionsGenerated = db.exceptions() - exceptionsBefore;
    const exceptionsInApp = db.exceptions();
    const rowsShown = await waitFor(
      async () => {
        const rows = (await page.evaluate(gridRowCount)) as number;
        return rows >= exceptionsInApp ? rows : null;
      },
      'the grid to show every exception',
      30_000,
    ).catch(async () => (await page.evaluate(gridRowCount)) as number);

    figure('storm: events sent by the gateway', sent, 'events');
    figure('storm: events sent per second', sent / stormSeconds, 'events/s');
    figure('storm: events applied by the app when the storm ended', appliedAtEnd, 'events');
    figure('storm: app lag behind the gateway, worst', maxLag, 'events');
    figure('storm: app catch-up after the storm ended', drainSeconds, 's');
    figure('storm: events applied by the app in all', db.appliedEvents() - appliedBefore, 'events');
    figure('storm: exceptions recorded by the app', exceptionsGenerated, 'exceptions');
    figure('storm: exception rows in the grid / in the app at the end', rowsShown, `/ ${exceptionsInApp}`);
    const { seenShare, maxLongTask } = reportFrames(storm, idleFramesPerSecond);
    reportRendererWork(metricsBefore, metricsAfter, storm.durationMs / 1000);
    reportMoment('at rest: click to row selected, header shown', idleSamples, 'headerMs');
    reportMoment('at rest: click to delay facts loaded', idleSamples, 'factsMs');
    const headerP95 = reportMoment('storm: click to row selected, header shown', stormSamples, 'headerMs', targets.p95HeaderMs);
    const factsP95 = reportMoment('storm: click to delay facts loaded', stormSamples, 'factsMs', targets.p95FactsMs);
    figure('renderer JS heap before the storm (after GC)', heapBefore, 'MB');
    figure('renderer JS heap after the storm / after GC', heapAfter, `MB / ${heapAfterGc.toFixed(1)} MB`);
    const responsive =
      headerP95 <= targets.p95HeaderMs && factsP95 <= targets.p95FactsMs && maxLongTask <= targets.maxLongTaskMs && seenShare >= targets.framesSeenShare;
    console.log(
      `verdict: the Order Impact grid ${responsive ? 'stays' : 'does NOT stay'} responsive under the storm ` +
        `(targets from RAIL: p95 click to visible answer <= ${targets.p95HeaderMs} ms and to loaded facts <= ${targets.p95FactsMs} ms, ` +
        `no long task over ${targets.maxLongTaskMs} ms, ` +
        `>= ${100 * targets.framesSeenShare}% of 60 Hz frames)`,
    );
    await page.close();
  } finally {
    appDb?.close();
    await browser.close();
    for (const running of processes.reverse()) await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
