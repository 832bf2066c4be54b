// Two `npm run start:web` started at once both serve the renderer, and a rebuild while they run
// (here `npm run build:renderer` after a source change) never takes it from under them; a third on
// a data folder in use is refused. Real processes: a simulator, the web hosts and the build, on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startSimulator, startWebHost, type RunningProcess } from '../e2e/app-processes';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const stampFile = path.join(repoRoot, 'dist/renderer/.build-stamp');
const dataDir = mkdtempSync(path.join(tmpdir(), 'plant-orchestrator-hosts-'));
const running: RunningProcess[] = [];

afterAll(async () => {
  for (const child of running.reverse()) await child.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** What a build whose sources changed looks like: its stamp no longer matches them. */
function makeBuildStale(): void {
  if (existsSync(path.dirname(stampFile))) writeFileSync(stampFile, 'stale\n');
}

interface Served {
  index: string;
  /** Asset path -> body length. */
  assets: Map<string, number>;
}

/** Fetches index.html and every asset it names; throws naming the URL that failed. */
async function fetchRenderer(pageUrl: string): Promise<Served> {
  const origin = new URL(pageUrl).origin;
  const get = async (route: string) => {
    const response = await fetch(`${origin}/${route}`, { signal: AbortSignal.timeout(5000) });
    if (response.status !== 200) throw new Error(`GET /${route} from ${origin}: ${response.status}`);
    return response.text();
  };
  const index = await get('');
  const names = [...index.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1]!);
  if (names.length === 0) throw new Error(`index.html from ${origin} names no assets`);
  const assets = new Map<string, number>();
  for (const name of names) assets.set(name, (await get(name)).length);
  return { index, assets };
}

function runBuild(): { exited: Promise<number | null>; output: () => string } {
  const child = spawn('npm', ['run', 'build:renderer'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))), output: () => output };
}

describe('npm run start:web, twice at once', () => {
  it('both hosts serve the renderer, and keep serving it through a rebuild', { timeout: 240_000 }, async () => {
    const simulator = await startSimulator(await freePort(), path.join(dataDir, 'simulator.sqlite'));
    running.push(simulator);
    const gatewayUrl = simulator.match[1]!;

    makeBuildStale();
    const hosts = await Promise.all(
      ['planner.a', 'planner.b'].map(async (user) => {
        const host = await startWebHost({ port: await freePort(), dataDir: path.join(dataDir, user), gatewayUrl });
        running.push(host);
        return host.match[1]!;
      }),
    );
    const served = await Promise.all(hosts.map(fetchRenderer));
    expect(served[1]!.index).toBe(served[0]!.index);
    for (const { assets } of served) for (const length of assets.values()) expect(length).toBeGreaterThan(0);

    // A rebuild while both run: every request meanwhile gets the renderer each host started with.
    makeBuildStale();
    const build = runBuild();
    let done = false;
    void build.exited.then(() => (done = true));
    const failures: string[] = [];
    let rounds = 0;
    for (; !done && rounds < 5_000; rounds++) {
      for (const [i, url] of hosts.entries()) {
        await fetchRenderer(url).then(
          (now) => expect(now).toEqual(served[i]),
          (error: unknown) => failures.push(String(error)),
        );
      }
    }
    expect(await build.exited, build.output()).toBe(0);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(rounds).toBeGreaterThan(0);
    expect(build.output()).toContain('renderer: built into dist/renderer');
  });

  it('refuses a second host on a data folder a running host uses, naming it', () => {
    const inUse = path.join(dataDir, 'planner.a');
    const second = spawnSync(process.execPath, ['--import', 'tsx', 'electron/web-host-main.ts'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PORT: '0', PLANT_ORCHESTRATOR_DATA: inUse, PLANT_ORCHESTRATOR_CONFIG_DIR: inUse },
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`Plant Orchestrator web host failed to start: the data folder ${inUse} is in use by another web host (process `);
  });
});
