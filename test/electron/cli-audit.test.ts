// `npm run cli -- audit verify`: a workstation's real SQLite file, its audit trail written through the
// store, then tampered with as someone with the file would: each kind of break is named at its entry.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../orchestration-core/store/open-store';
import { createRepos } from '../../orchestration-core/store/repos';
import { verifyAuditFile } from '../../orchestration-core/store/audit-verify';
import { createAuditHandlers } from '../../orchestration-core/services/audit-handlers';
import { makeTempDir } from '../helpers/temp-dir';

const repoRoot = path.resolve(import.meta.dirname, '../..');

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'audit', ...args], { cwd: repoRoot, encoding: 'utf8' });
}

describe('audit verify', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  /** The head after all six entries: what the gateway would have heard last. */
  let head: string;

  beforeEach(() => {
    temp = makeTempDir();
    file = temp.file('workstation.sqlite');
    const store = openStore(file);
    const repos = createRepos(store.db);
    for (let i = 1; i <= 6; i++) repos.audit.append({ at: `2026-12-07T06:0${i}:00.000Z`, actor: i % 2 ? 'qe.maria' : 'sv.ines', action: `decision ${i}`, subject: `LOT-${i}`, detail: { n: i } });
    head = store.db.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get()!.hash;
    store.close();
  });
  afterEach(() => temp.remove());

  /** Changes the file as a tamperer would, with plain SQL. */
  function tamper(sql: string): void {
    const db = new Database(file);
    db.exec(sql);
    db.close();
  }

  it('finds an intact trail intact, prints its head, and exits 0', () => {
    const run = cli('verify', '--db', file, '--head', head);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ intact: true, entries: 6, head, checkedAgainst: '--head' });
  });

  it('names an edited entry, and exits 1', () => {
    tamper(`UPDATE audit_log SET actor = 'pl.omar' WHERE id = 3`);
    const run = cli('verify', '--db', file);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ intact: false, broken: { kind: 'edited', entryId: 3, message: expect.stringContaining('entry 3 (2026-12-07T06:03:00.000Z pl.omar: decision 3 LOT-3) was edited') } });
  });

  it('names an entry edited with its hash recomputed: the next one no longer follows it', async () => {
    const { chainHash } = await import('../../orchestration-core/store/audit-verify');
    const db = new Database(file);
    const row = db.prepare<[], { prev_hash: string; at: string; actor: string; action: string; subject: string; detail: string }>('SELECT * FROM audit_log WHERE id = 2').get()!;
    db.prepare('UPDATE audit_log SET detail = ?, hash = ? WHERE id = 2').run('{"n":99}', chainHash(row.prev_hash, { ...row, detail: '{"n":99}' }));
    db.close();
    expect(verifyAuditFile(file).broken).toMatchObject({ kind: 'edited', entryId: 2 });
  });

  it('names a deleted entry by the gap it leaves', () => {
    tamper('DELETE FROM audit_log WHERE id = 4');
    expect(verifyAuditFile(file).broken).toEqual({ kind: 'deleted', entryId: 5, message: expect.stringMatching(/^entry 4 is missing before entry 5 .*: deleted$/) });
    tamper('DELETE FROM audit_log WHERE id IN (1, 2)');
    expect(verifyAuditFile(file).broken).toMatchObject({ kind: 'deleted', entryId: 3, message: expect.stringMatching(/^entries 1 to 2 are missing/) });
  });

  it('names reordered entries', () => {
    // Two entries swap places: their rows keep their ids, their contents change places.
    tamper(`
      UPDATE audit_log SET id = -2 WHERE id = 2;
      UPDATE audit_log SET id = 2 WHERE id = 3;
      UPDATE audit_log SET id = 3 WHERE id = -2;
    `);
    expect(verifyAuditFile(file).broken).toMatchObject({ kind: 'reordered', entryId: 2, message: expect.stringContaining('the entries were reordered') });
  });

  it('names a tail cut off against the head heard elsewhere, which the chain alone cannot show', () => {
    tamper('DELETE FROM audit_log WHERE id >= 5');
    expect(verifyAuditFile(file).broken).toBeNull();
    const run = cli('verify', '--db', file, '--head', head);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ intact: false, entries: 4, broken: { kind: 'cut-off', entryId: 4, message: expect.stringContaining('the tail was cut off') } });
  });

  it('gives the Audit view the newest entries first with the same verdict', async () => {
    const read = async () => {
      const store = openStore(file);
      try {
        return await createAuditHandlers({ repos: createRepos(store.db) })['audit.entries']({ limit: 4 }, { user: 'sv.ines' });
      } finally {
        store.close();
      }
    };
    const intact = await read();
    expect(intact).toMatchObject({ entries: 6, head, broken: null });
    expect(intact.rows.map((row) => row.id)).toEqual([6, 5, 4, 3]);
    expect(intact.rows[0]).toEqual({ id: 6, at: '2026-12-07T06:06:00.000Z', actor: 'sv.ines', role: null, action: 'decision 6', subject: 'LOT-6', commandId: null, correlationId: 'LOT-6', detail: '{"n":6,"correlationId":"LOT-6"}' });
    tamper(`UPDATE audit_log SET subject = 'LOT-X' WHERE id = 5`);
    expect((await read()).broken).toMatchObject({ kind: 'edited', entryId: 5 });
  });

  it('refuses a missing file or a head that is not one, naming the flag, with exit 2', () => {
    expect(cli('verify', '--db', temp.file('none.sqlite'))).toMatchObject({ status: 2, stderr: expect.stringContaining('--db: there is no file') });
    expect(cli('verify', '--db', file, '--head', 'abc')).toMatchObject({ status: 2, stderr: expect.stringContaining('--head: "abc" is not a chain head') });
    expect(cli('check', '--db', file)).toMatchObject({ status: 2, stderr: expect.stringContaining('audit knows one command, verify') });
  });
});
