import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultInspectionFailureEveryMs } from '../../electron/embedded-gateway';
import { parseCliArgs } from '../../simulator/cli-args';
import { closeAll, onCleanup, tempDatabasePath, waitUntil } from './harness';

afterEach(closeAll);

const repoRoot = path.resolve(import.meta.dirname, '../..');

interface RunningCli {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function runCli(args: string[]): RunningCli {
  const child = spawn(process.execPath, ['--import', 'tsx', 'simulator/main.ts', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  return { child, output: () => output, exited };
}

async function waitForExit(cli: RunningCli, timeoutMs = 10_000): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no exit within ${timeoutMs} ms; output:\n${cli.output()}`)), timeoutMs);
  });
  try {
    return await Promise.race([cli.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function readyUrl(cli: RunningCli): Promise<string> {
  const line = await waitUntil(
    () => /^simulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(cli.output()),
    'the ready line',
    20_000,
  );
  return line[1] ?? '';
}

describe('simulator CLI', () => {
  it('prints the ready line, serves, stops cleanly on SIGTERM and keeps its state for the next run', async () => {
    const db = tempDatabasePath();
    const first = runCli(['--port', '0', '--db', db, '--seed', '3', '--token', 'cli-token', '--operator-token', 'cli-operator-1']);
    const url = await readyUrl(first);
    const failure = await fetch(`${url}/control/inspection-failure`, { method: 'POST', headers: { authorization: 'Bearer cli-operator-1' }, signal: AbortSignal.timeout(5000) });
    expect(failure.status).toBe(200);
    // The token it was given is not printed; without it, nothing is served.
    expect(first.output()).not.toContain('cli-operator-1');
    expect((await fetch(`${url}/control/streams`, { signal: AbortSignal.timeout(5000) })).status).toBe(401);
    first.child.kill('SIGTERM');
    expect(await waitForExit(first)).toBe(0);
    expect(first.output()).toContain('simulator stopped (SIGTERM)');

    const second = runCli(['--port=0', `--db=${db}`]);
    const again = await readyUrl(second);
    // None given: it made one and printed it.
    const printed = await waitUntil(() => /^simulator control token \(Authorization: Bearer …\): (\S+)$/m.exec(second.output()), 'the control token line');
    const response = await fetch(`${again}/control/streams`, { headers: { authorization: `Bearer ${printed[1]}` }, signal: AbortSignal.timeout(5000) });
    expect(await response.json()).toEqual({ streams: { erp: 1, 'mes.P1': 0, 'qms.P1': 1 } });
    second.child.kill('SIGINT');
    expect(await waitForExit(second)).toBe(0);
  });

  it.each([{ args: ['--help'] }, { args: ['-h'] }, { args: ['--port', '0', '--help'] }])('prints the usage for $args, with every flag, its default and meaning, and exits 0', async ({ args }) => {
    const cli = runCli(args);
    expect(await waitForExit(cli)).toBe(0);
    const output = cli.output();
    expect(output).toMatch(/^usage: npm run simulator -- \[flags\]/);
    for (const flag of ['--port', '--db', '--seed', '--failure-every-ms', '--token', '--retention', '--planning-scale', '--help']) expect(output).toContain(flag);
    expect(output).toMatch(/--db FILE .*\(default \.\/\.data\/simulator\.sqlite\)/);
    expect(output).toMatch(/--port N .*0 picks a free one \(default 4100\)/);
    expect(output).toMatch(/--token TEXT .*\(default dev-token\)/);
    expect(output).not.toContain('unknown flag');
    expect(output).not.toContain('listening');
  });

  it.each([
    [['--port', 'eighty'], /--port: "eighty" is not an integer/],
    [['--port', '70000'], /--port: 70000 is outside/],
    [['--failure-every-ms'], /--failure-every-ms: needs a value/],
    [['--retention', '0'], /--retention: 0 is outside/],
    [['--planning-scale', 'big'], /--planning-scale: "big" is not a number from 0 to 100/],
    [['--verbose'], /--verbose: unknown flag/],
  ])('refuses %j naming the flag', async (args, message) => {
    const cli = runCli([...args, '--db', tempDatabasePath()]);
    expect(await waitForExit(cli)).toBe(2);
    expect(cli.output()).toMatch(message);
    expect(cli.output()).not.toContain('listening');
  });

  it("README gives each simulator's default cadence of failed inspections: the embedded one's, and the standalone one's as --help does", () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const standalone = parseCliArgs([]);
    if (standalone.kind !== 'run') throw new Error('no flags must run the simulator');
    expect(readme).toContain(`\`--failure-every-ms\`, default ${standalone.options.inspectionFailureEveryMs}`);
    expect(defaultInspectionFailureEveryMs).toBe(180_000);
    expect(readme).toMatch(/the embedded simulator fails another delivery due soon every three minutes/);
    expect(readme).toContain(`| \`PLANT_ORCHESTRATOR_SIMULATOR_FAILURE_EVERY_MS\` | \`${defaultInspectionFailureEveryMs}\` |`);
  });
});

describe('--session-hours', () => {
  it('sets how long a sign-in holds, and refuses what is not 1 to 168 hours, naming the flag', () => {
    const eight = parseCliArgs(['--session-hours', '8']);
    expect(eight.kind === 'run' && eight.options.sessionHours).toBe(8);
    const standalone = parseCliArgs([]);
    expect(standalone.kind === 'run' && standalone.options.sessionHours).toBeUndefined();
    expect(() => parseCliArgs(['--session-hours', '0'])).toThrow('--session-hours: 0 is outside 1..168');
    expect(() => parseCliArgs(['--session-hours', 'a shift'])).toThrow('--session-hours: "a shift" is not an integer');
  });
});
