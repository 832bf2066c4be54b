// Starts and stops the simulator and `npm run start:web` as their own processes, as a person would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '../../shared/domain';
import { putE2eUser } from './e2e-users';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface RunningProcess {
  /** The first match of the ready pattern in stdout. */
  match: RegExpMatchArray;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function startProcess(command: string, args: string[], env: Record<string, string>, ready: RegExp, timeoutMs: number): Promise<RunningProcess> {
  // Detached: `npm run` starts a shell and node below it; the whole group is stopped together.
  const child: ChildProcess = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const killer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${command} ${args.join(' ')} not ready after ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ match, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before it was ready:\n${output.slice(-2000)}`));
    });
  });
}

/** The operator token the tests' simulators serve their control endpoints under. */
export const e2eOperatorToken = 'e2e-operator-token';

/** `clockFile`: the gateway's clock is shifted by the milliseconds this file holds (see simulator/shifted-clock.ts). */
export function startSimulator(port: number, databasePath: string, clockFile?: string): Promise<RunningProcess> {
  return startProcess(process.execPath, ['--import', 'tsx', 'simulator/main.ts', '--port', String(port), '--db', databasePath, '--operator-token', e2eOperatorToken], clockFile ? { PLANT_SIMULATOR_TEST_CLOCK_FILE: clockFile } : {}, /simulator listening on (\S+)/, 30_000);
}

/** A workstation's web host; who uses it signs in on its first screen. */
export function startWebHost(options: { port: number; dataDir: string; gatewayUrl: string; clockFile?: string }): Promise<RunningProcess> {
  return startProcess(
    'npm',
    ['run', 'start:web'],
    {
      PORT: String(options.port),
      PLANT_ORCHESTRATOR_DATA: options.dataDir,
      PLANT_ORCHESTRATOR_CONFIG_DIR: options.dataDir,
      PLANT_ORCHESTRATOR_GATEWAY: options.gatewayUrl,
      ...(options.clockFile ? { PLANT_ORCHESTRATOR_TEST_CLOCK_FILE: options.clockFile } : {}),
    },
    /Plant Orchestrator web host: (\S+)/,
    120_000,
  );
}

/** Calls the simulator's control API. */
export async function control<T>(baseUrl: string, method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${e2eOperatorToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface AppWithSimulator {
  /** The web host's URL, token included. */
  url: string;
  /** Who signs in at it (signIn in sign-in-steps.ts). */
  user: string;
  /** The simulator's SQLite file: its users are changed there (users CLI). */
  simulatorDb: string;
  gatewayUrl: string;
  /** Takes the gateway away: the floor goes offline. */
  stopSimulator(): Promise<void>;
  /** Brings the gateway back on the same port and state. */
  restartSimulator(): Promise<void>;
  /** Another workstation on the same gateway, with its own user (put on the gateway in that role) and data; closed with the rest. */
  addWorkstation(user: string, role: Role): Promise<{ url: string; user: string }>;
  close(): Promise<void>;
}

/**
 * A simulator process and `npm run start:web` connected to it, with their data in a fresh folder.
 * `clockFile`: the first workstation's clock is shifted by the milliseconds this file holds (see
 * simulator/shifted-clock.ts); `gatewayClockFile`: the simulator's, likewise.
 */
export async function startAppWithSimulator(user: string, role?: Role, options: { clockFile?: string; gatewayClockFile?: string } = {}): Promise<AppWithSimulator> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plant-orchestrator-e2e-'));
  const simulatorDb = path.join(dataDir, 'simulator.sqlite');
  const simulatorPort = await freePort();
  let simulator: RunningProcess | undefined = await startSimulator(simulatorPort, simulatorDb, options.gatewayClockFile);
  const gatewayUrl = simulator.match[1]!;
  const web = await putE2eUser(simulatorDb, user, role ?? 'quality-engineer')
    .then(async () => startWebHost({ port: await freePort(), dataDir: path.join(dataDir, 'app'), gatewayUrl, ...(options.clockFile ? { clockFile: options.clockFile } : {}) }))
    .catch(async (error: unknown) => {
      await simulator?.stop();
      throw error;
    });
  const others: RunningProcess[] = [];
  return {
    url: web.match[1]!,
    user,
    simulatorDb,
    gatewayUrl,
    async stopSimulator() {
      await simulator?.stop();
      simulator = undefined;
    },
    async restartSimulator() {
      simulator ??= await startSimulator(simulatorPort, simulatorDb, options.gatewayClockFile);
    },
    async addWorkstation(otherUser, otherRole) {
      await putE2eUser(simulatorDb, otherUser, otherRole);
      const other = await startWebHost({ port: await freePort(), dataDir: path.join(dataDir, otherUser), gatewayUrl });
      others.push(other);
      return { url: other.match[1]!, user: otherUser };
    },
    async close() {
      for (const other of others) await other.stop();
      await web.stop();
      await simulator?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
