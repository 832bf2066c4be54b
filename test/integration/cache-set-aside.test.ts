// A workstation's cache that cannot be opened is kept, moved aside with a dated name (byte for byte),
// and the workstation comes up on a fresh one caught up from the gateway (a real gateway on 127.0.0.1,
// real SQLite files); the decisions the old file held unsent are counted, and `outbox export` writes
// them out.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../orchestration-core/store/open-store';
import { describeSetAside, openStoreOrSetAside, setAsideName } from '../../orchestration-core/store/set-aside';
import { useOneClockPlant } from '../helpers/one-clock-plant';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const at = new Date('2026-12-08T01:05:00.000Z');

/** A cache from a newer app: its schema version beyond this one's, one decision still queued. */
function newerCacheWithOneUnsent(file: string): void {
  const store = openStore(file);
  store.db
    .prepare("INSERT INTO outbox (command_id, connector, type, envelope, status, created_at) VALUES ('cmd-1', 'erp', 'lot.disposition', ?, 'pending', '2026-12-07T10:00:00.000Z')")
    .run(JSON.stringify({ commandId: 'cmd-1', type: 'lot.disposition', issuedBy: 'qe.maria', payload: { lotId: 'L-1' } }));
  store.db.pragma('user_version = 999');
  store.close();
}

describe('a cache that cannot be opened', () => {
  const plant = useOneClockPlant();

  it('not a database: moved aside byte for byte, with a message that says so and what became of it', () => {
    const temp = makeTempDir();
    try {
      const file = temp.file('qe.maria.sqlite');
      const garbage = Buffer.from('this was never a SQLite file, but it is somebody\u2019s\n'.repeat(200));
      writeFileSync(file, garbage);
      const { store, setAside } = openStoreOrSetAside(file, () => at);
      store.close();
      expect(setAside).toEqual({ movedTo: setAsideName(file, at), reason: expect.stringMatching(/not a database/), unsentDecisions: null });
      expect(setAside!.movedTo.endsWith('qe.maria.sqlite.2026-12-08T01-05-00Z.set-aside')).toBe(true);
      expect(readFileSync(setAside!.movedTo).equals(garbage)).toBe(true);
      expect(describeSetAside(file, setAside!)).toMatch(/could not be opened \(.*not a database.*\)\. It was kept, moved to .*set-aside, and a fresh cache catches up from the gateway\. Whether it held decisions not yet sent cannot be read from it\.$/);
    } finally {
      temp.remove();
    }
  });

  it('a workstation whose cache is garbage starts all the same and catches up', async () => {
    const { lotId } = plant.gateway.scenario.inspectionFailure({ quantity: 30 });
    // The stations helper names the file after the user: spoil it before the first start.
    const engineer = await plant.stations.open('qe.lea', 'quality-engineer');
    await waitFor('the failed lot on the workstation', async () => (await engineer.core.handlers['quarantine.list']({}, engineer.as)).some((row) => row.lotId === lotId), 20_000);
    await plant.stations.closeAll();
    const file = plant.stations.fileOf('qe.lea');
    const spoiled = Buffer.from('garbage '.repeat(1000));
    writeFileSync(file, spoiled);
    const again = await plant.stations.open('qe.lea', 'quality-engineer');
    await waitFor('caught up on the fresh cache', async () => (await again.core.handlers['quarantine.list']({}, again.as)).some((row) => row.lotId === lotId), 20_000);
    // The screens say so, above every view.
    const [notice] = (await again.core.handlers['connectors.about']({}, again.as)).notices;
    expect(notice).toMatch(/^The local cache .*qe\.lea\.sqlite could not be opened \(.*not a database.*\)\. It was kept, moved to /);
    const kept = readdirSync(path.dirname(file)).filter((name) => name.startsWith('qe.lea.sqlite.') && name.endsWith('.set-aside'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(path.dirname(file), kept[0]!)).equals(spoiled)).toBe(true);
  }, 60_000);

  it('written by a newer version: moved aside with its unsent decision counted, which outbox export writes out', () => {
    const temp = makeTempDir();
    try {
      const file = temp.file('ws.sqlite');
      newerCacheWithOneUnsent(file);
      const before = readFileSync(file);
      const { store, setAside } = openStoreOrSetAside(file, () => at);
      // The fresh cache is this version's, empty.
      expect(store.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
      store.close();
      expect(setAside).toMatchObject({ reason: expect.stringMatching(/schema version 999 is newer than this app knows/), unsentDecisions: 1 });
      expect(readFileSync(setAside!.movedTo).equals(before)).toBe(true);
      expect(describeSetAside(file, setAside!)).toMatch(/It held 1 decision not yet sent: `npm run cli -- outbox export --db .*set-aside` writes them out\.$/);

      const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'outbox', 'export', '--db', setAside!.movedTo], { cwd: repoRoot, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const exported = JSON.parse(run.stdout) as { unsent: number; commands: { connector: string; command: { commandId: string } }[] };
      expect(exported).toMatchObject({ unsent: 1, commands: [{ connector: 'erp', command: { commandId: 'cmd-1', type: 'lot.disposition' } }] });
      // Read without writing: the file is as it was.
      expect(readFileSync(setAside!.movedTo).equals(before)).toBe(true);
      const missing = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'outbox', 'export', '--db', temp.file('none.sqlite')], { cwd: repoRoot, encoding: 'utf8' });
      expect([missing.status, missing.stderr.trim()]).toEqual([2, `outbox: --db: there is no file ${temp.file('none.sqlite')}`]);
    } finally {
      temp.remove();
    }
  }, 30_000);

  it('a healthy cache is opened as it is, and a second one set aside the same second gets its own name', () => {
    const temp = makeTempDir();
    try {
      const file = temp.file('ok.sqlite');
      openStore(file).close();
      const opened = openStoreOrSetAside(file, () => at);
      opened.store.close();
      expect(opened.setAside).toBeNull();
      for (let n = 0; n < 2; n++) {
        writeFileSync(file, 'garbage '.repeat(100));
        openStoreOrSetAside(file, () => at).store.close();
      }
      expect(readdirSync(temp.dir).filter((name) => name.includes('.set-aside')).sort()).toEqual(['ok.sqlite.2026-12-08T01-05-00Z.set-aside', 'ok.sqlite.2026-12-08T01-05-00Z.set-aside.2']);
      const db = new Database(file);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      db.close();
    } finally {
      temp.remove();
    }
  });
});
