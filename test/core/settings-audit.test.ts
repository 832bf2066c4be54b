// The settings a workstation runs with are in its audit trail: the first start records them, each later
// start that finds one changed appends it with the value before and after, and a connector's token is
// never written, only that it changed. Real core, real SQLite file, opened twice.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatewayConnectors } from '../../electron/gateway-connectors';
import { createCore } from '../../orchestration-core/host';
import { settingsSchema, type Settings } from '../../shared/settings';
import { quietLogger } from '../helpers/core-parts';
import { makeTempDir } from '../helpers/temp-dir';

interface Row {
  actor: string;
  action: string;
  subject: string;
  detail: string;
}

describe('settings in the audit trail', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  const connectors = gatewayConnectors('http://127.0.0.1:9').map((c) => ({ ...c, token: 'first-secret-token' }));
  const start = async (values: Settings) => {
    const core = await createCore({ databasePath: temp.file('ws.sqlite'), connectors: values.connectors, settings: { values, source: '/etc/plant/settings.json' }, logger: quietLogger });
    await core.close();
  };
  const entries = (): Row[] => {
    const db = new Database(temp.file('ws.sqlite'), { readonly: true });
    try {
      return db.prepare<[], Row>("SELECT actor, action, subject, detail FROM audit_log WHERE action LIKE 'setting%' ORDER BY id").all();
    } finally {
      db.close();
    }
  };

  it('records them at the first start, then each change with before and after, and a token only as a fingerprint', async () => {
    const first = settingsSchema.parse({ plant: 'P1', connectors });
    await start(first);
    expect(entries().map((e) => [e.action, e.subject])).toEqual([['settings recorded', 'settings']]);

    // Started again unchanged: nothing new.
    await start(first);
    expect(entries()).toHaveLength(1);

    const loosened = settingsSchema.parse({
      plant: 'P1',
      connectors: connectors.map((c) => ({ ...c, token: 'second-secret-token' })),
      thresholds: { transferApprovalValue: 50_000 },
      quality: { deviationNumberPattern: '^DEV-.*$' },
    });
    await start(loosened);
    const changed = entries().slice(1);
    expect(changed.map((e) => e.subject)).toEqual(['connectors.erp.token', 'connectors.plant-P1.token', 'quality.deviationNumberPattern', 'thresholds.transferApprovalValue']);
    const detail = (subject: string) => JSON.parse(changed.find((e) => e.subject === subject)!.detail) as Record<string, unknown>;
    expect(detail('thresholds.transferApprovalValue')).toMatchObject({ from: 10_000, to: 50_000, source: '/etc/plant/settings.json', correlationId: 'settings' });
    expect(changed.every((e) => e.actor === 'system' && e.action === 'setting changed')).toBe(true);
    const token = detail('connectors.erp.token');
    expect(token.from).toMatch(/^sha256:[0-9a-f]{12}$/);
    expect(token.to).not.toBe(token.from);
    expect(entries().map((e) => e.detail).join('\n')).not.toContain('secret-token');
  });
});
