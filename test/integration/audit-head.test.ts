// A workstation tells the gateway its audit chain's head with every batch of commands; the gateway keeps
// the latest, and `audit verify --gateway` finds against it a tail cut off the workstation's file,
// which the chain alone cannot show. Real gateway, real core, real SQLite files.
import { execFile } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditFile } from '../../orchestration-core/store/audit-verify';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';
import { createWorkstations } from '../helpers/workstations';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Runs the CLI without blocking: the gateway it asks runs in this process. */
function verify(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'audit', 'verify', ...args], { cwd: repoRoot, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe('audit chain heads at the gateway', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let gateway: Gateway;
  const stations = createWorkstations(() => gateway, (name) => temp.file(name));

  beforeEach(async () => {
    temp = makeTempDir();
    gateway = await startGateway({ databasePath: temp.file('gateway.sqlite') });
  });
  afterEach(async () => {
    await stations.closeAll();
    await gateway.close();
    temp.remove();
  });

  it('keeps the head a workstation sent with its commands, and finds its tail cut off later', async () => {
    const station = await stations.open('qe.maria', 'quality-engineer');
    const file = temp.file('qe.maria.sqlite');
    const clientId = station.core.clientId;
    gateway.scenario.inspectionFailure();
    // The failed lot is blocked by the workstation's own command: its batch carries the head.
    const reported = await waitFor('an audit head from qe.maria', () => gateway.auditHeads.latest(clientId) ?? undefined, 20_000);
    expect(reported.entries).toBeGreaterThan(0);
    const chain = new Database(file, { readonly: true });
    const atReport = chain.prepare<[number], { hash: string }>('SELECT hash FROM audit_log ORDER BY id LIMIT 1 OFFSET ?').get(reported.entries - 1);
    chain.close();
    expect(atReport?.hash).toBe(reported.head);
    await stations.closeAll();

    // The file says which workstation it is: no --client-id needed.
    const gatewayArgs = ['--db', file, '--gateway', `${gateway.baseUrl}/erp`, '--token', 'dev-token'];
    const intact = await verify(...gatewayArgs);
    expect(intact.stderr).toBe('');
    // It says how much of the chain the gateway's head covers: what came after cannot be checked against it.
    const total = (JSON.parse(intact.stdout) as { entries: number }).entries;
    expect(JSON.parse(intact.stdout)).toMatchObject({ intact: true, coveredByGateway: reported.entries, newerThanGatewayHead: total - reported.entries, checkedAgainst: expect.stringContaining(clientId) });
    // The gateway's own address works as well as its ERP namespace.
    expect(JSON.parse((await verify('--db', file, '--gateway', gateway.baseUrl, '--token', 'dev-token')).stdout)).toMatchObject({ intact: true });

    const db = new Database(file);
    db.prepare('DELETE FROM audit_log WHERE id >= (SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET ?)').run(reported.entries - 1);
    db.close();
    expect(verifyAuditFile(file).broken).toBeNull();
    const cut = await verify(...gatewayArgs);
    expect(cut.status).toBe(1);
    expect(JSON.parse(cut.stdout)).toMatchObject({ intact: false, broken: { kind: 'cut-off', message: expect.stringContaining(`the gateway (from ${clientId}`) } });
  });

  it('says so when the gateway never heard from the workstation, or cannot be reached', async () => {
    const file = temp.file('nobody.sqlite');
    new Database(file).exec('CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT, actor TEXT, action TEXT, subject TEXT, detail TEXT, prev_hash TEXT, hash TEXT)');
    expect(await verify('--db', file, '--gateway', `${gateway.baseUrl}/erp`, '--client-id', 'desktop-nobody', '--token', 'dev-token')).toMatchObject({ status: 2, stderr: expect.stringContaining('has heard no audit head from desktop-nobody') });
    expect(await verify('--db', file, '--gateway', `${gateway.baseUrl}/erp`, '--client-id', 'desktop-nobody', '--token', 'wrong')).toMatchObject({ status: 2, stderr: expect.stringContaining('--gateway: cannot reach') });
    expect(await verify('--db', file, '--gateway', `${gateway.baseUrl}/erp`)).toMatchObject({ status: 2, stderr: expect.stringContaining('--client-id: ' + file + ' does not say which workstation it is') });
    expect(await verify('--db', file, '--gateway', gateway.baseUrl.replace(/^http:\/\//, ''), '--client-id', 'desktop-nobody')).toMatchObject({ status: 2, stderr: expect.stringContaining('is not a URL; give the gateway') });
  });
});
