// `npm run start:web`: the core plus the plain-Node web host, for browser access and end-to-end tests.
// Prints exactly one line on stdout, "Plant Orchestrator web host: <url>"; logs go to stderr.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startRebalanceWorkerFromSource } from '../orchestration-core/analysis/rebalancing/start-rebalance-worker';
import { createCore } from '../orchestration-core/host';
import { consoleLogger } from './console-logger';
import { createFileLogger } from './file-logger';
import { createLogLineReader } from './log-lines';
import { lockDataFolder } from './data-folder-lock';
import { defaultInspectionFailureEveryMs, embeddedSimulator } from './embedded-gateway';
import { gatewayConnectors } from './gateway-connectors';
import { readRendererFiles } from './renderer-files';
import { loadSettingsFromConf } from './settings-conf';
import { shiftedClock } from '../simulator/shifted-clock';
import { startWebHost } from './web-host';

function nonNegativeIntegerFromEnv(name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > max) throw new Error(`${name} must be an integer from 0 to ${max}, got "${value}"`);
  return number;
}

/** The gateway's address, when given: an http(s) URL, or the host refuses to start, naming it. */
function gatewayFromEnv(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new Error(`PLANT_ORCHESTRATOR_GATEWAY must be the gateway's http(s) address, such as http://127.0.0.1:4100, got "${value}"`);
  return value;
}

async function main(): Promise<void> {
  const loaded = loadSettingsFromConf();
  const settings = loaded.values;
  const port = nonNegativeIntegerFromEnv('PORT', 0, 65535);
  const dataDir = path.resolve(process.env['PLANT_ORCHESTRATOR_DATA'] || '.data');
  const gateway = gatewayFromEnv(process.env['PLANT_ORCHESTRATOR_GATEWAY']);
  // Who uses it and in which role is the gateway's to say at sign-in: these are no longer read.
  for (const retired of ['PLANT_ORCHESTRATOR_USER', 'PLANT_ORCHESTRATOR_ROLE']) {
    if (process.env[retired]) consoleLogger.warn(`${retired} is ignored: sign in on the app's first screen instead`);
  }
  // Read whole before anything starts: a missing build fails fast, and a build swapped in later is not seen.
  const renderer = await readRendererFiles(path.resolve(import.meta.dirname, '../dist/renderer'));
  mkdirSync(dataDir, { recursive: true });
  const dataFolder = lockDataFolder(dataDir);
  // JSON lines in the data folder's logs/, the readable line on stderr too.
  const logger = createFileLogger(dataDir);

  const core = await createCore({
    databasePath: path.join(dataDir, 'plant-orchestrator.sqlite'),
    // The web host keeps the session token in memory only: after a restart, sign in again.
    plant: settings.plant,
    settings: loaded,
    policy: { ...settings.thresholds, deviationNumberPattern: settings.quality.deviationNumberPattern, sla: settings.sla, cycleCount: settings.cycleCount },
    // An empty list makes the core start the embedded simulator.
    connectors: gateway ? gatewayConnectors(gateway) : settings.connectors,
    startEmbeddedGateway: embeddedSimulator({
      databasePath: path.join(dataDir, 'simulator.sqlite'),
      rules: { sla: settings.sla, cycleCount: settings.cycleCount },
      inspectionFailureEveryMs: nonNegativeIntegerFromEnv('PLANT_ORCHESTRATOR_SIMULATOR_FAILURE_EVERY_MS', defaultInspectionFailureEveryMs),
      // Its control endpoints only when asked for, and only to whoever holds this token.
      ...(process.env.PLANT_ORCHESTRATOR_SIMULATOR_CONTROL_TOKEN ? { controlToken: process.env.PLANT_ORCHESTRATOR_SIMULATOR_CONTROL_TOKEN } : {}),
    }),
    // The web host runs from source under tsx, so the worker does too.
    startRebalanceWorker: startRebalanceWorkerFromSource,
    ...(process.env.PLANT_ORCHESTRATOR_TEST_CLOCK_FILE ? { clock: shiftedClock(process.env.PLANT_ORCHESTRATOR_TEST_CLOCK_FILE) } : {}),
    logger,
    logLines: createLogLineReader(logger.folder),
  });
  const host = await startWebHost({
    core,
    renderer,
    port,
    host: '127.0.0.1',
    density: settings.ui.density,
    logger,
  }).catch(async (error: unknown) => {
    await core.close();
    await logger.close();
    throw error;
  });
  console.log(`Plant Orchestrator web host: ${host.url}`);

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info('Shutting down', { signal });
    Promise.allSettled([host.close()])
      .then(() => core.close())
      .then(() => logger.close())
      .then(() => dataFolder.release())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Plant Orchestrator web host: shutdown failed:', error);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error('Plant Orchestrator web host failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
