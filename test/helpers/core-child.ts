// Runs test/faults/core-process.ts in a child process and collects what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { waitFor } from './wait-for';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface CoreChild {
  process: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
  ready(): Promise<void>;
}

export function spawnCoreChild(env: { CORE_DB: string; GATEWAY_URL: string }): CoreChild {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/faults/core-process.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    process: child,
    lines,
    exited,
    ready: () => waitFor(`the core process to start (stderr: ${stderr.slice(-500)})`, () => lines.includes('ready'), 30_000).then(() => undefined),
  };
}
