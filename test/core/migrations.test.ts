// Each migration: migrate to N-1, insert, migrate to N, check the data survived and the new schema holds.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../orchestration-core/store/migrations';
import { migrate } from '../../orchestration-core/store/open-store';
import { parseCommand } from '../../shared/commands';
import { makeTempDir } from '../helpers/temp-dir';

describe('migrations', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('0001 creates every table the core writes, with the constraints the core relies on', () => {
    const db = new Database(temp.file('m1.sqlite'));
    migrate(db, 'm1', migrations.slice(0, 1));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'cursors', 'dead_letters', 'decisions', 'human_tasks', 'inbox', 'items', 'lot_holds', 'lots', 'outbox', 'plants', 'workflow_history', 'workflow_instances']));
    db.prepare("INSERT INTO inbox VALUES ('e1', 'erp', 1, 'goods.received', 'applied', 'now')").run();
    expect(() => db.prepare("INSERT INTO inbox VALUES ('e2', 'erp', 1, 'goods.received', 'applied', 'now')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO outbox (command_id, connector, type, envelope, status, created_at) VALUES ('c', 'erp', 't', '{}', 'sent', 'now')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('0002 keeps queued commands and counts a lot\'s pending commands through the new index', () => {
    const db = new Database(temp.file('m2.sqlite'));
    migrate(db, 'm2', migrations.slice(0, 1));
    const insert = db.prepare("INSERT INTO outbox (command_id, connector, type, entity_id, envelope, status, created_at) VALUES (?, 'erp', 'lot.setStatus', ?, '{}', ?, 'now')");
    insert.run('c1', 'L-1', 'pending');
    insert.run('c2', 'L-1', 'accepted');
    migrate(db, 'm2', migrations.slice(0, 2));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const count = "SELECT count(*) FROM outbox WHERE entity_id = 'L-1' AND status = 'pending'";
    expect(db.prepare(count).pluck().get()).toBe(1);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${count}`).all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('outbox_pending_entity');
    db.close();
  });

  it('0003 adds planning tables and keeps the items and plants already stored', () => {
    const db = new Database(temp.file('m3.sqlite'));
    migrate(db, 'm3', migrations.slice(0, 2));
    db.prepare("INSERT INTO items (id, description, unit) VALUES ('M-1', 'Washer', 'EA')").run();
    db.prepare("INSERT INTO plants (id, name) VALUES ('P1', 'Plant 1')").run();
    migrate(db, 'm3', migrations.slice(0, 3));
    expect(db.prepare('SELECT id, description, unit, kind, supplier_ids AS supplierIds, lead_time_days AS leadTimeDays FROM items').get()).toEqual({ id: 'M-1', description: 'Washer', unit: 'EA', kind: 'purchased', supplierIds: '[]', leadTimeDays: 0 });
    expect(db.prepare('SELECT role FROM plants').pluck().get()).toBeNull();
    db.prepare("INSERT INTO production_orders VALUES ('MO-1', 'FG-1', 'P1', 'L1', 5, '2026-12-01', '2026-12-02', 1)").run();
    db.prepare("INSERT INTO production_components VALUES ('MO-1', 0, 'M-1', 10)").run();
    expect(() => db.prepare("INSERT INTO items (id, description, unit, kind) VALUES ('X', 'x', 'EA', 'borrowed')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('0005 adds the connector epochs and keeps the cursors', () => {
    const db = new Database(temp.file('m5.sqlite'));
    migrate(db, 'm5', migrations.slice(0, 4));
    db.prepare("INSERT INTO cursors VALUES ('erp', 42, 'now')").run();
    migrate(db, 'm5', migrations.slice(0, 5));
    expect(db.prepare("SELECT seq FROM cursors WHERE stream = 'erp'").pluck().get()).toBe(42);
    db.prepare("INSERT INTO connector_epochs VALUES ('erp', 'a1b2', 'now')").run();
    expect(() => db.prepare("INSERT INTO connector_epochs VALUES ('erp', 'c3d4', 'now')").run()).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });

  it('0006 adds approvals and lets exceptions wait for one, keeping the exceptions stored', () => {
    const db = new Database(temp.file('m6.sqlite'));
    migrate(db, 'm6', migrations.slice(0, 5));
    db.prepare(
      `INSERT INTO exceptions (id, type, item_id, plant, source_document, detected_at, orders_hit, revenue_at_risk, worst_days_late, unfulfilled, status, detail, impact, responses, chosen_response, instance_id, task_id)
       VALUES ('EX-1', 'supplier-delay', 'RM-1', 'P1', 'PO-1/10 (ASN-1)', '2026-01-01T00:00:00.000Z', 3, 1200.5, 4, 0, 'open', '{}', '{}', '[]', NULL, 'i-1', 't-1')`,
    ).run();
    expect(() => db.prepare("UPDATE exceptions SET status = 'awaiting-approval'").run()).toThrow(/CHECK/);
    migrate(db, 'm6', migrations.slice(0, 6));
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare("SELECT id, orders_hit, revenue_at_risk, status, task_id FROM exceptions").all()).toEqual([{ id: 'EX-1', orders_hit: 3, revenue_at_risk: 1200.5, status: 'open', task_id: 't-1' }]);
    db.prepare("UPDATE exceptions SET status = 'awaiting-approval'").run();
    expect(() => db.prepare("UPDATE exceptions SET status = 'pending'").run()).toThrow(/CHECK/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM exceptions ORDER BY detected_at").all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('exceptions_detected');
    const approval = db.prepare(
      `INSERT INTO approvals (id, kind, subject, status, requested_by, requested_at, plant, request, exception_id) VALUES (?, 'substitution', 's', ?, 'pl.omar', 'now', 'P1', '{}', 'EX-1')`,
    );
    approval.run('AP-1', 'pending');
    expect(() => approval.run('AP-2', 'maybe')).toThrow(/CHECK/);
    db.close();
  });

  it('0007 turns each stored decision into one posting of the whole lot and adds genealogy and inspection lots', () => {
    const db = new Database(temp.file('m7.sqlite'));
    migrate(db, 'm7', migrations.slice(0, 6));
    db.prepare("INSERT INTO workflow_instances VALUES ('i-1', 'inspection-failed', 1, 'L-1', 'running', 'decided', 'task', 't-1', '{}', 'now', 'now')").run();
    db.prepare("INSERT INTO human_tasks (id, instance_id, kind, role, subject, status, created_at) VALUES ('t-1', 'i-1', 'disposition-lot', 'quality-engineer', 's', 'done', 'now')").run();
    db.prepare(
      `INSERT INTO decisions (task_id, lot_id, decision, quantity, reason, decided_by, decided_at, command_id, based_on_version, status)
       VALUES ('t-1', 'L-1', 'scrap', 180, 'cracked', 'qe.jonas', 'now', 'c-1', 2, 'accepted')`,
    ).run();
    db.prepare("INSERT INTO lots (lot_id, item_id, plant, quantity, unit, stock_type, version, updated_at) VALUES ('L-1', 'M-1', 'P1', 180, 'KG', 'blocked', 3, 'now')").run();
    // A decision's command sent before the upgrade, its reply still to come.
    const oldEnvelope = { commandId: 'c-1', type: 'lot.disposition', issuedBy: 'qe.jonas', issuedAt: '2026-11-01T10:00:00.000Z', basedOn: { entity: 'lot', id: 'L-1', version: 2 }, payload: { lotId: 'L-1', decision: 'scrap', quantity: 180, reason: 'cracked' } };
    db.prepare("INSERT INTO outbox (command_id, connector, type, entity_id, envelope, status, created_at) VALUES ('c-1', 'erp', 'lot.disposition', 'L-1', ?, 'pending', 'now')").run(JSON.stringify(oldEnvelope));
    migrate(db, 'm7', migrations.slice(0, 7));
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    const envelope = JSON.parse(db.prepare("SELECT envelope FROM outbox WHERE command_id = 'c-1'").pluck().get() as string) as unknown;
    const parsed = parseCommand(envelope);
    expect(parsed.ok && parsed.command.payload).toEqual({ lotId: 'L-1', reason: 'cracked', valuation: 'reject', code: 'R1', postings: [{ decision: 'scrap', quantity: 180 }] });
    expect(db.prepare('SELECT valuation, code FROM decisions').get()).toEqual({ valuation: 'reject', code: 'R1' });
    expect(db.prepare("SELECT quantity_version FROM lots WHERE lot_id = 'L-1'").pluck().get()).toBe(3);
    const decision = db.prepare('SELECT postings, based_on_quantity AS basedOnQuantity, containment, status FROM decisions').get() as Record<string, unknown>;
    expect({ ...decision, postings: JSON.parse(decision.postings as string) }).toEqual({ postings: [{ decision: 'scrap', quantity: 180 }], basedOnQuantity: 180, containment: '[]', status: 'accepted' });
    expect(() => db.prepare("UPDATE decisions SET valuation = 'maybe'").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO order_inputs VALUES ('PO-1', 'L-1', 40, 0, 'KG', 'now')").run();
    expect(() => db.prepare("INSERT INTO order_inputs VALUES ('PO-1', 'L-1', 5, 0, 'KG', 'now')").run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO inspection_lots VALUES ('IL-1', 'L-1', 'goods-receipt', 'closed', 'now')").run()).toThrow(/CHECK/);
    db.close();
  });
  it('0008 adds rebalancing decisions and keeps the planning tables', () => {
    const db = new Database(temp.file('m8.sqlite'));
    migrate(db, 'm8', migrations.slice(0, 7));
    db.prepare("INSERT INTO lanes (from_plant, to_plant, cost_per_unit, transit_days) VALUES ('P2', 'P1', 2, 2)").run();
    migrate(db, 'm8', migrations.slice(0, 8));
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT count(*) FROM lanes').pluck().get()).toBe(1);
    const decide = db.prepare(
      `INSERT INTO rebalancing_decisions (proposal_id, decision, item_id, from_plant, to_plant, quantity, ship_date, arrival_date, unit_cost, proposal, transfer_id, command_id, decided_by, decided_at)
       VALUES (?, ?, 'FG-1', 'P2', 'P1', 60, '2026-12-01', '2026-12-03', 2, '{}', 'T-1', 'c-1', 'pl.omar', 'now')`,
    );
    decide.run('RB-1', 'accepted');
    expect(() => decide.run('RB-2', 'maybe')).toThrow(/CHECK/);
    expect(() => decide.run('RB-1', 'rejected')).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });

  it('0009 gives each rerouted order of a stored line stop the ERP\'s answer from its command\'s outbox row', () => {
    const db = new Database(temp.file('m9.sqlite'));
    migrate(db, 'm9', migrations.slice(0, 8));
    const order = (id: string, commandId: string | null) => ({ productionOrderId: id, rerouted: commandId === null ? null : { plant: 'P2', line: 'L9', commandId } });
    const detail = { stoppageId: 'LS-1', plant: 'P1', line: 'L1', orders: [order('MO-1', 'c-ok'), order('MO-2', 'c-no'), order('MO-3', 'c-wait'), order('MO-4', null)] };
    db.prepare(
      `INSERT INTO exceptions (id, type, item_id, plant, source_document, detected_at, orders_hit, revenue_at_risk, worst_days_late, unfulfilled, status, detail, impact, instance_id)
       VALUES ('EX-1', 'line-stop', 'FG-1', 'P1', 'P1/L1 (LS-1)', 'now', 2, 0, 3, 0, 'open', ?, '{}', 'i-1')`,
    ).run(JSON.stringify(detail));
    const queue = db.prepare("INSERT INTO outbox (command_id, connector, type, envelope, status, reply, created_at) VALUES (?, 'erp', 'production.reroute', '{}', ?, ?, 'now')");
    queue.run('c-ok', 'accepted', JSON.stringify({ commandId: 'c-ok', status: 'accepted' }));
    queue.run('c-no', 'rejected', JSON.stringify({ commandId: 'c-no', status: 'rejected', reason: 'toLine: L9 is down' }));
    queue.run('c-wait', 'pending', null);
    migrate(db, 'm9', migrations.slice(0, 9));
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    const stored = JSON.parse(db.prepare("SELECT detail FROM exceptions WHERE id = 'EX-1'").pluck().get() as string) as typeof detail;
    expect(stored.orders.map((o) => [o.productionOrderId, o.rerouted && 'upstream' in o.rerouted ? o.rerouted.upstream : null])).toEqual([
      ['MO-1', { state: 'accepted' }],
      ['MO-2', { state: 'refused', reason: 'toLine: L9 is down' }],
      ['MO-3', { state: 'pending' }],
      ['MO-4', null],
    ]);
    expect(stored).toMatchObject({ stoppageId: 'LS-1', plant: 'P1', line: 'L1' });
    db.close();
  });

  it('0010 records each usage decision the ERP accepted from this workstation, with the sub-lots it split off', () => {
    const db = new Database(temp.file('m10.sqlite'));
    migrate(db, 'm10', migrations.slice(0, 9));
    db.prepare("INSERT INTO lots (lot_id, item_id, plant, quantity, unit, stock_type, version, updated_at) VALUES ('L-1', 'M-1', 'P1', 60, 'KG', 'unrestricted', 4, 'now')").run();
    db.prepare("INSERT INTO workflow_instances VALUES ('i-1', 'inspection-failed', 2, 'L-1', 'completed', NULL, NULL, NULL, '{}', 'now', 'now')").run();
    db.prepare("INSERT INTO workflow_instances VALUES ('i-2', 'inspection-failed', 2, 'L-2', 'running', 'replied', 'reply', 'c-2', '{}', 'now', 'now')").run();
    db.prepare("INSERT INTO lots (lot_id, item_id, plant, quantity, unit, stock_type, version, updated_at) VALUES ('L-2', 'M-1', 'P1', 100, 'KG', 'blocked', 3, 'now')").run();
    db.prepare("INSERT INTO human_tasks (id, instance_id, kind, role, subject, status, created_at) VALUES ('t-1', 'i-1', 'disposition-lot', 'quality-engineer', 's', 'done', 'now')").run();
    db.prepare("INSERT INTO human_tasks (id, instance_id, kind, role, subject, status, created_at) VALUES ('t-2', 'i-2', 'disposition-lot', 'quality-engineer', 's', 'done', 'now')").run();
    db.prepare("INSERT INTO lot_holds VALUES ('L-1', 'IL-1', 'DIM', 'bore', 'now', 't-1', 'i-1')").run();
    db.prepare("INSERT INTO lot_holds VALUES ('L-2', 'IL-2', 'DIM', 'bore', 'now', 't-2', 'i-2')").run();
    const decide = db.prepare(
      `INSERT INTO decisions (task_id, lot_id, decision, quantity, reason, decided_by, decided_at, command_id, based_on_version, status, postings, valuation, code, based_on_quantity)
       VALUES (?, ?, 'release', 100, 'sorted', 'qe.jonas', '2026-11-02T10:00:00.000Z', ?, 3, ?, ?, 'reject', 'R9', 100)`,
    );
    const postings = JSON.stringify([{ decision: 'release', quantity: 60 }, { decision: 'rework', quantity: 40 }]);
    decide.run('t-1', 'L-1', 'c-1', 'accepted', postings);
    decide.run('t-2', 'L-2', 'c-2', 'pending', postings);
    migrate(db, 'm10', migrations.slice(0, 10));
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    const rows = db.prepare('SELECT inspection_lot_id AS id, lot_id AS lotId, command_id AS commandId, decided_by AS decidedBy, code, unit, parts FROM usage_decisions').all() as { parts: string }[];
    expect(rows.map((row) => ({ ...row, parts: JSON.parse(row.parts) as unknown }))).toEqual([
      {
        id: 'IL-1',
        lotId: 'L-1',
        commandId: 'c-1',
        decidedBy: 'qe.jonas',
        code: 'R9',
        unit: 'KG',
        parts: [
          { lotId: 'L-1', decision: 'release', stockType: 'unrestricted', quantity: 60 },
          { lotId: 'L-1-3.1', decision: 'rework', stockType: 'blocked', quantity: 40 },
        ],
      },
    ]);
    expect(db.prepare('SELECT lot_id AS lotId, parent_lot_id AS parentLotId, inspection_lot_id AS inspectionLotId FROM sub_lots').all()).toEqual([{ lotId: 'L-1-3.1', parentLotId: 'L-1', inspectionLotId: 'IL-1' }]);
    expect(() => db.prepare("INSERT INTO usage_decisions VALUES ('IL-1', 'L-1', 'c-9', 'x', 'now', 'accept', 'A1', '[]', 'r', NULL, NULL, 'EA', '[]')").run()).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });

  it('0011 keeps the holds and lets a hold name the failed lot it contains for', () => {
    const db = new Database(temp.file('m11.sqlite'));
    migrate(db, 'm11', migrations.slice(0, 10));
    db.prepare("INSERT INTO workflow_instances VALUES ('i-1', 'inspection-failed', 2, 'L-1', 'running', 'decided', 'task', 't-1', '{}', 'now', 'now')").run();
    db.prepare("INSERT INTO human_tasks (id, instance_id, kind, role, subject, status, created_at) VALUES ('t-1', 'i-1', 'disposition-lot', 'quality-engineer', 's', 'open', 'now')").run();
    db.prepare("INSERT INTO lots (lot_id, item_id, plant, quantity, unit, stock_type, version, updated_at) VALUES ('L-1', 'M-1', 'P1', 60, 'KG', 'blocked', 2, 'now')").run();
    db.prepare("INSERT INTO lot_holds VALUES ('L-1', 'IL-1', 'DIM', 'bore', 'now', 't-1', 'i-1')").run();
    migrate(db, 'm11', migrations.slice(0, 11));
    expect(db.prepare('SELECT lot_id AS lotId, task_id AS taskId, contained_by AS containedBy FROM lot_holds').all()).toEqual([{ lotId: 'L-1', taskId: 't-1', containedBy: null }]);
    db.prepare("UPDATE lot_holds SET contained_by = 'L-0' WHERE lot_id = 'L-1'").run();
    expect(db.prepare('SELECT contained_by FROM lot_holds').pluck().get()).toBe('L-0');
    db.close();
  });

  it('0012 adds the units of measure and the company currency, the standard ones until a snapshot says otherwise', () => {
    const db = new Database(temp.file('m12.sqlite'));
    migrate(db, 'm12', migrations.slice(0, 11));
    db.prepare("INSERT INTO items (id, description, unit) VALUES ('RM-1', 'Rod seal', 'EA')").run();
    migrate(db, 'm12', migrations.slice(0, 12));
    expect(db.prepare("SELECT decimals FROM units WHERE unit = 'EA'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT decimals FROM units WHERE unit = 'KG'").pluck().get()).toBe(3);
    expect(db.prepare("SELECT value FROM company WHERE key = 'currency'").pluck().get()).toBe('EUR');
    expect(db.prepare('SELECT count(*) FROM items').pluck().get()).toBe(1);
    expect(() => db.prepare("INSERT INTO units VALUES ('X', 9, 'too fine')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('0013 answers a resolved exception whose chosen response left orders late, and keeps the rest as they were', () => {
    const db = new Database(temp.file('m13.sqlite'));
    migrate(db, 'm13', migrations.slice(0, 12));
    const insert = db.prepare(
      `INSERT INTO exceptions (id, type, item_id, plant, source_document, detected_at, orders_hit, revenue_at_risk, worst_days_late, unfulfilled, status, detail, impact, responses, chosen_response, instance_id)
       VALUES (?, 'line-stop', 'FG-1', 'P1', 'P1/L1 (LS-1)', 'now', 10, 5000, 15, 0, ?, '{}', '{}', ?, ?, 'i-1')`,
    );
    const responses = (ordersHit: number) => JSON.stringify([{ id: 'reschedule', projected: { ordersHit, revenueAtRisk: 100 * ordersHit, worstDaysLate: 15, unfulfilled: 0 } }]);
    insert.run('EX-LATE', 'resolved', responses(496), 'reschedule');
    insert.run('EX-CLEAR', 'resolved', responses(0), 'reschedule');
    insert.run('EX-OPEN', 'open', responses(3), null);
    migrate(db, 'm13', migrations.slice(0, 13));
    const rows = db.prepare('SELECT id, status, json_extract(remaining, \'$.ordersHit\') AS left FROM exceptions ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'EX-CLEAR', status: 'resolved', left: 0 },
      { id: 'EX-LATE', status: 'answered', left: 496 },
      { id: 'EX-OPEN', status: 'open', left: null },
    ]);
    expect(() => db.prepare("UPDATE exceptions SET status = 'closed'").run()).toThrow(/CHECK/);
    db.close();
  });
  it('0016 moves each running instance\'s one wait into the waits table, and drops the old columns', () => {
    const db = new Database(temp.file('m16.sqlite'));
    migrate(db, 'm16', migrations.slice(0, 15));
    const insert = db.prepare('INSERT INTO workflow_instances VALUES (?, ?, 2, ?, ?, ?, ?, ?, \'{}\', \'then\', \'then\')');
    insert.run('i-1', 'inspection-failed', 'L-1', 'running', 'decided', 'task', 't-1');
    insert.run('i-2', 'inspection-failed', 'L-2', 'running', 'deviationDecided', 'event', 'approval.decided:AP-2');
    insert.run('i-3', 'inspection-failed', 'L-3', 'completed', null, null, null);
    migrate(db, 'm16', migrations.slice(0, 16));
    expect(db.prepare('SELECT instance_id AS instanceId, kind, key, step, created_at AS createdAt FROM workflow_waits ORDER BY instance_id').all()).toEqual([
      { instanceId: 'i-1', kind: 'task', key: 't-1', step: 'decided', createdAt: 'then' },
      { instanceId: 'i-2', kind: 'event', key: 'approval.decided:AP-2', step: 'deviationDecided', createdAt: 'then' },
    ]);
    const columns = (db.prepare('PRAGMA table_info(workflow_instances)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('wait_kind');
    expect(columns).not.toContain('wait_key');
    expect(db.prepare('SELECT count(*) FROM workflow_instances').pluck().get()).toBe(3);
    expect(() => db.prepare("INSERT INTO workflow_waits (instance_id, kind, step, created_at) VALUES ('i-1', 'someday', 's', 'now')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('0023 adds the plants\' unit mappings, one per plant and code, and keeps the dead letters', () => {
    const db = new Database(temp.file('m23.sqlite'));
    migrate(db, 'm23', migrations.slice(0, 22));
    db.prepare("INSERT INTO dead_letters (connector, stream, seq, event_id, reason, raw, received_at) VALUES ('plant-P1', 'mes.P1', 1, 'e-1', 'b2mml: unit', '{}', 'then')").run();
    migrate(db, 'm23', migrations.slice(0, 23));
    expect(db.prepare('SELECT count(*) FROM dead_letters').pluck().get()).toBe(1);
    const insert = db.prepare("INSERT INTO plant_unit_mappings VALUES ('P1', 'KGM', ?, 'op.lena', 'now')");
    insert.run('KG');
    expect(() => insert.run('L')).toThrow(/UNIQUE/);
    db.close();
  });

  it('0024 adds escalations, one per subject, and keeps the approvals', () => {
    const db = new Database(temp.file('m24.sqlite'));
    migrate(db, 'm24', migrations.slice(0, 23));
    const approvals = db.prepare('SELECT count(*) FROM approvals').pluck();
    const before = approvals.get();
    migrate(db, 'm24', migrations.slice(0, 24));
    expect(approvals.get()).toBe(before);
    const insert = db.prepare("INSERT INTO escalations (subject_id, task_type, subject, due_at, raised_at) VALUES ('AP-1', 'transferApproval', 'Transfer', 'then', ?)");
    insert.run('now');
    expect(() => insert.run('later')).toThrow(/UNIQUE/);
    db.close();
  });

  it('0025 keeps every approval, takes adjustments, and adds cycle counts', () => {
    const db = new Database(temp.file('m25.sqlite'));
    migrate(db, 'm25', migrations.slice(0, 24));
    const add = (id: string, kind: string) =>
      db.prepare("INSERT INTO approvals (id, kind, subject, status, requested_by, requested_at, plant, request) VALUES (?, ?, 'x', 'pending', 'pl.rosa', 'then', 'P1', '{}')").run(id, kind);
    add('AP-1', 'transfer');
    expect(() => add('AP-2', 'adjustment')).toThrow(/CHECK/);
    migrate(db, 'm25', migrations.slice(0, 25));
    expect(db.prepare('SELECT id, kind FROM approvals').all()).toEqual([{ id: 'AP-1', kind: 'transfer' }]);
    add('AP-2', 'adjustment');
    expect(() => add('AP-3', 'gift')).toThrow(/CHECK/);
    const count = db.prepare(
      `INSERT INTO cycle_counts (count_id, plant, bin, item_id, counted_quantity, book_quantity, unit, difference, value, within_tolerance, counted_by, counted_at, status)
       VALUES ('CC-1', 'P1', 'B-01', 'RM-1', 9, 10, 'EA', -1, 5, 0, 'op.lena', 'now', ?)`,
    );
    expect(() => count.run('lost')).toThrow(/CHECK/);
    count.run('awaiting-approval');
    expect(db.prepare('SELECT status FROM cycle_counts').pluck().get()).toBe('awaiting-approval');
    db.close();
  });
});
