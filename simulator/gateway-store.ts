// The simulator's state in its own SQLite file: streams and events, lots, commands and deliveries.
import { AuditHeadBook } from './audit-heads';
import { seedDemoUsers } from './identity/demo-users';
import { createIdentity, type Identity, type IdentityOptions } from './identity/identity';
import { ApprovalBook } from './approval-book';
import { StoppageBook } from './stoppage-book';
import { UsageDecisionBook } from './usage-decision-book';
import { ExceptionAnswerBook } from './exception-answer-book';
import { DisruptionLog } from './disruption-log';
import { UnitMappingBook } from './unit-mapping-book';
import { CycleCountBook } from './cycle-count-book';
import { EscalationBook } from './escalation-book';
import { PlanningStore } from './planning/planning-store';
import type Database from 'better-sqlite3';
import type { Dataset } from '../shared/dataset';
import type { EventEnvelope } from '../shared/events';
import type { OpenInspection, Snapshot } from '../shared/sync-protocol';
import type { CommandRecord, DeliveryRecord, ItemRecord, LotRecord, PlantRecord } from './records';
import { commandFromRow, deliveryFromRow, lotFromRow, type CommandRow, type DeliveryRow, type LotRow } from './store-rows';
import { openSimulatorDatabase } from './store-schema';
import { calendarDayOf } from '../shared/plan-days';
import { decimalsOf, type UnitOfMeasure } from '../shared/units';
import { buildWorld } from './world';
import { erpStream, mesStream, simulatedPlants } from './streams';

export interface EventDraft {
  stream: string;
  type: string;
  plant?: string;
  correlationId: string;
  payload: unknown;
}

export type LotChange = Partial<Pick<LotRecord, 'stockType' | 'quantity' | 'inspectionLotId'>> & { version: number };

export type Counter = 'lot' | 'inspectionLot' | 'productionOrder' | 'purchaseOrder' | 'stoppage';

export interface GatewayStoreOptions {
  databasePath: string;
  seed: number;
  /** Events kept per stream for replay (undefined keeps all). */
  retention?: number | undefined;
  /** The world's size; 0: a small world whose ERP sends no planning data. */
  planningScale: number;
  clock: () => Date;
}


/** How far back a snapshot carries decided approval requests: what a supervisor's history shows. */
const decidedApprovalDays = 30;

export class GatewayStore {
  private readonly db: Database.Database;
  private readonly epoch: string;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly retention: number | undefined;
  private readonly seed: number;

  /** The ERP's planning data (BOMs, orders, PO lines, transfers); sent to the app when the gateway plays planning. */
  readonly planning: PlanningStore;
  /** Requests for a supervisor's approval and their decisions. */
  readonly approvals: ApprovalBook;
  /** Usage decisions made, one per inspection lot. */
  readonly usageDecisions: UsageDecisionBook;
  /** Planners' answers to exceptions, one standing per exception. */
  readonly exceptionAnswers: ExceptionAnswerBook;
  /** ASN delays, line stops and restarts, for snapshots. */
  private readonly disruptions: DisruptionLog;
  private readonly clock: () => Date;
  /** Line stoppages and their restarts. */
  readonly stoppages: StoppageBook;
  /** What the plants' unit codes stand for, as operators mapped them. */
  readonly unitMappings: UnitMappingBook;
  /** Human tasks escalated past their due time, one per subject. */
  readonly escalations: EscalationBook;
  /** The WMS's cycle counts, their adjustments, and the bins whose picks are paused. */
  readonly cycleCounts: CycleCountBook;

  constructor(options: GatewayStoreOptions) {
    const { databasePath, seed, planningScale, clock } = options;
    this.retention = options.retention;
    this.clock = clock;
    // A new file starts the world on the clock's day: its orders and deliveries lie ahead of today.
    const opened = openSimulatorDatabase(databasePath, () => buildWorld(seed, planningScale, calendarDayOf(clock())), clock());
    this.db = opened.db;
    this.planning = new PlanningStore(this.db, {
      today: () => calendarDayOf(clock()),
      lots: () => this.lots().map(({ lotId, itemId, plant, quantity, stockType }) => ({ lotId, itemId, plant, quantity, stockType })),
    });
    if (opened.created) this.planning.store(opened.created.planning, planningScale > 0);
    this.approvals = new ApprovalBook(this.db);
    this.usageDecisions = new UsageDecisionBook(this.db);
    this.exceptionAnswers = new ExceptionAnswerBook(this.db);
    this.disruptions = new DisruptionLog(this.db);
    this.stoppages = new StoppageBook(this.db);
    this.unitMappings = new UnitMappingBook(this.db);
    this.escalations = new EscalationBook(this.db);
    this.cycleCounts = new CycleCountBook(this.db);
    const row = this.sql("SELECT value FROM meta WHERE key = 'epoch'").get() as { value: string };
    this.epoch = row.value;
    this.seed = Number((this.sql("SELECT value FROM meta WHERE key = 'seed'").get() as { value: string }).value);
  }

  /** Prepared once per text: a burst appends thousands of events through the same few statements. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Users, sign-in and the session key, in this gateway's file; the demo users seeded into a new one when asked. */
  async openIdentity(options: IdentityOptions & { demoUsers: boolean }): Promise<Identity> {
    const identity = await createIdentity(this.db, options);
    if (options.demoUsers) seedDemoUsers(identity.users, this.plants().map((plant) => plant.id), options.clock().toISOString());
    return identity;
  }

  /** The audit chain heads workstations report. */
  auditHeads(): AuditHeadBook {
    return new AuditHeadBook(this.db);
  }

  close(): void {
    this.db.close();
  }

  /** The planning data as one dataset, under the seed this file was generated from; null when the ERP plays none. */
  planningDataset(): Dataset | null {
    return this.planning.dataset(this.seed, this.units(), this.currency());
  }

  /** Runs fn in one SQLite transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // ---- streams and events

  hasStream(stream: string): boolean {
    return this.sql('SELECT 1 FROM streams WHERE stream = ?').get(stream) !== undefined;
  }

  streamHead(stream: string): number {
    const row = this.sql('SELECT head_seq FROM streams WHERE stream = ?').get(stream) as
      | { head_seq: number }
      | undefined;
    return row?.head_seq ?? 0;
  }

  streamHeads(): Record<string, number> {
    const rows = this.sql('SELECT stream, head_seq FROM streams ORDER BY stream').all() as {
      stream: string;
      head_seq: number;
    }[];
    return Object.fromEntries(rows.map((row) => [row.stream, row.head_seq]));
  }

  /** The oldest seq still kept for replay; head + 1 when the stream holds no events. */
  firstRetainedSeq(stream: string): number {
    const row = this.sql('SELECT MIN(seq) AS first FROM events WHERE stream = ?').get(stream) as {
      first: number | null;
    };
    return row.first ?? this.streamHead(stream) + 1;
  }

  eventsAfter(stream: string, afterSeq: number, limit: number): EventEnvelope[] {
    const rows = this.sql('SELECT body FROM events WHERE stream = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(stream, afterSeq, limit) as { body: string }[];
    return rows.map((row) => JSON.parse(row.body) as EventEnvelope);
  }

  /** Appends at the stream's next seq. Call inside transaction() with the state change it reports. */
  appendEvent(draft: EventDraft, occurredAt: Date): EventEnvelope {
    const seq = this.streamHead(draft.stream) + 1;
    const changed = this.sql('UPDATE streams SET head_seq = ? WHERE stream = ?').run(seq, draft.stream);
    if (changed.changes !== 1) throw new Error(`stream: unknown stream "${draft.stream}"`);
    const envelope: EventEnvelope = {
      id: `${draft.stream}-${String(seq).padStart(6, '0')}-${this.epoch}`,
      stream: draft.stream,
      seq,
      type: draft.type,
      source: 'simulator',
      occurredAt: occurredAt.toISOString(),
      ...(draft.plant === undefined ? {} : { plant: draft.plant }),
      correlationId: draft.correlationId,
      schemaVersion: 1,
      payload: draft.payload,
    };
    this.sql('INSERT INTO events (stream, seq, id, type, body) VALUES (?, ?, ?, ?, ?)')
      .run(envelope.stream, seq, envelope.id, envelope.type, JSON.stringify(envelope));
    this.disruptions.note(envelope);
    if (this.retention !== undefined) {
      this.sql('DELETE FROM events WHERE stream = ? AND seq <= ?').run(draft.stream, seq - this.retention);
    }
    return envelope;
  }

  // ---- master data and lots

  plants(): PlantRecord[] {
    return this.sql('SELECT plant_id AS id, name FROM plants ORDER BY plant_id').all() as PlantRecord[];
  }

  items(): ItemRecord[] {
    const rows = this.sql('SELECT item_id AS id, description, unit, supplier_id AS supplierId FROM items ORDER BY item_id').all() as (Omit<ItemRecord, 'supplierId'> & { supplierId: string | null })[];
    return rows.map(({ supplierId, ...item }) => (supplierId === null ? item : { ...item, supplierId }));
  }

  item(itemId: string): ItemRecord | undefined {
    return this.items().find((item) => item.id === itemId);
  }

  units(): UnitOfMeasure[] {
    return this.sql('SELECT unit, decimals, description FROM units ORDER BY unit').all() as UnitOfMeasure[];
  }

  /** The decimals quantities of this unit may have; 3 for a unit the master data does not list. */
  decimalsOf(unit: string): number {
    return decimalsOf(unit, this.units());
  }

  /** The company currency order values are in. */
  currency(): string {
    return (this.sql("SELECT value FROM meta WHERE key = 'currency'").get() as { value: string }).value;
  }

  lot(lotId: string): LotRecord | undefined {
    const row = this.sql('SELECT * FROM lots WHERE lot_id = ?').get(lotId) as LotRow | undefined;
    return row && lotFromRow(row);
  }

  lots(): LotRecord[] {
    return (this.sql('SELECT * FROM lots ORDER BY lot_id').all() as LotRow[]).map(lotFromRow);
  }

  insertLot(lot: LotRecord): void {
    this.sql(
        `INSERT INTO lots (lot_id, item_id, plant, quantity, unit, stock_type, supplier_id, version, inspection_lot_id)
         VALUES (@lotId, @itemId, @plant, @quantity, @unit, @stockType, @supplierId, @version, @inspectionLotId)`,
      )
      .run({ ...lot, supplierId: lot.supplierId ?? null, inspectionLotId: lot.inspectionLotId ?? null });
  }

  updateLot(lotId: string, change: LotChange): LotRecord {
    const current = this.lot(lotId);
    if (!current) throw new Error(`lotId: unknown lot ${lotId}`);
    const next: LotRecord = { ...current, ...change };
    this.sql(
        `UPDATE lots SET quantity = ?, stock_type = ?, version = ?, inspection_lot_id = ? WHERE lot_id = ?`,
      )
      .run(next.quantity, next.stockType, next.version, next.inspectionLotId ?? null, lotId);
    return next;
  }

  openInspection(open: OpenInspection): void {
    this.sql(
        `INSERT INTO open_inspections (lot_id, inspection_lot_id, defect_code, defect_text, failed_at)
         VALUES (@lotId, @inspectionLotId, @defectCode, @defectText, @failedAt)
         ON CONFLICT (lot_id) DO UPDATE SET inspection_lot_id = excluded.inspection_lot_id,
           defect_code = excluded.defect_code, defect_text = excluded.defect_text, failed_at = excluded.failed_at`,
      )
      .run(open);
  }

  hasOpenInspection(lotId: string): boolean {
    return this.openInspectionLotId(lotId) !== undefined;
  }

  /** The lot's failed inspection still waiting for its usage decision, as it failed. */
  openInspectionOf(lotId: string): OpenInspection | undefined {
    return this.sql(
      `SELECT lot_id AS lotId, inspection_lot_id AS inspectionLotId, defect_code AS defectCode,
         defect_text AS defectText, failed_at AS failedAt FROM open_inspections WHERE lot_id = ?`,
    ).get(lotId) as OpenInspection | undefined;
  }

  /** The failed inspection lot of this number, while it waits for its usage decision. */
  openInspectionNumbered(inspectionLotId: string): OpenInspection | undefined {
    return this.sql(
      `SELECT lot_id AS lotId, inspection_lot_id AS inspectionLotId, defect_code AS defectCode,
         defect_text AS defectText, failed_at AS failedAt FROM open_inspections WHERE inspection_lot_id = ?`,
    ).get(inspectionLotId) as OpenInspection | undefined;
  }

  /** The lot's failed inspection lot still waiting for its usage decision. */
  openInspectionLotId(lotId: string): string | undefined {
    const row = this.sql('SELECT inspection_lot_id AS id FROM open_inspections WHERE lot_id = ?').get(lotId) as { id: string } | undefined;
    return row?.id;
  }

  /** The lot's usage decision was made (or its inspection passed): it is no longer open state. */
  closeInspection(lotId: string): void {
    this.sql('DELETE FROM open_inspections WHERE lot_id = ?').run(lotId);
  }

  openInspections(): OpenInspection[] {
    return this.sql(
      `SELECT lot_id AS lotId, inspection_lot_id AS inspectionLotId, defect_code AS defectCode,
         defect_text AS defectText, failed_at AS failedAt FROM open_inspections ORDER BY lot_id`,
    ).all() as OpenInspection[];
  }

  /** This database's life: a recreated database starts a new epoch. */
  epochId(): string {
    return this.epoch;
  }

  /** Master data and every lot, with the heads of the given streams, read in one consistent view. */
  snapshot(streams: readonly string[]): Snapshot {
    return this.transaction(() => ({
      streams: Object.fromEntries(streams.map((stream) => [stream, this.streamHead(stream)])),
      epoch: this.epoch,
      plants: this.plants(),
      items: this.items().map(({ id, description, unit }) => ({ id, description, unit })),
      units: this.units(),
      currency: this.currency(),
      lots: this.lots().map(({ inspectionLotId: _inspectionLotId, ...lot }) => lot),
      openInspections: this.openInspections(),
      // Approvals live on the ERP's stream: only its namespace carries them.
      openApprovals: streams.includes(erpStream) ? this.approvals.open() : [],
      decidedApprovals: streams.includes(erpStream) ? this.approvals.decided(new Date(this.clock().getTime() - decidedApprovalDays * 86_400_000).toISOString()) : [],
      usageDecisions: this.usageDecisions.all(),
      disruptions: this.disruptions.recent(streams, calendarDayOf(this.clock())),
      exceptionAnswers: streams.includes(erpStream) ? this.exceptionAnswers.all() : [],
      escalations: streams.includes(erpStream) ? this.escalations.list() : [],
      // A plant's mappings go with its own stream: the messages on it are read by them.
      unitMappings: this.unitMappings.of(simulatedPlants.filter((plant) => streams.includes(mesStream(plant)))),
      planningParts: 0,
    }));
  }

  nextNumber(counter: Counter): number {
    const row = this.sql('UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value')
      .get(counter) as { value: number } | undefined;
    if (!row) throw new Error(`counter ${counter} is missing from the simulator database`);
    return row.value;
  }

  // ---- commands and deliveries

  command(commandId: string): CommandRecord | undefined {
    const row = this.sql('SELECT * FROM commands WHERE command_id = ?').get(commandId) as
      | CommandRow
      | undefined;
    return row && commandFromRow(row);
  }

  commands(): CommandRecord[] {
    return (this.sql('SELECT * FROM commands ORDER BY rowid').all() as CommandRow[]).map(
      commandFromRow,
    );
  }

  insertCommand(record: CommandRecord): void {
    this.sql(
        `INSERT INTO commands (command_id, type, body, status, reason, version, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.commandId,
        record.type,
        JSON.stringify(record.body ?? null),
        record.status,
        record.reason ?? null,
        record.version ?? null,
        record.receivedAt,
      );
  }

  insertDelivery(record: Omit<DeliveryRecord, 'id'>): number {
    const result = this.sql(
        `INSERT INTO deliveries (command_id, client_id, status, reason, version, reply_dropped, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.commandId,
        record.clientId,
        record.status,
        record.reason ?? null,
        record.version ?? null,
        record.replyDropped ? 1 : 0,
        record.receivedAt,
      );
    return Number(result.lastInsertRowid);
  }

  deliveries(commandId?: string): DeliveryRecord[] {
    const rows = (
      commandId === undefined
        ? this.sql('SELECT * FROM deliveries ORDER BY id').all()
        : this.sql('SELECT * FROM deliveries WHERE command_id = ? ORDER BY id').all(commandId)
    ) as DeliveryRow[];
    return rows.map(deliveryFromRow);
  }

  acceptedCount(commandId: string): number {
    const row = this.sql("SELECT COUNT(*) AS n FROM commands WHERE command_id = ? AND status = 'accepted'")
      .get(commandId) as { n: number };
    return row.n;
  }

  allEvents(stream: string): EventEnvelope[] {
    const rows = this.sql('SELECT body FROM events WHERE stream = ? ORDER BY seq').all(stream) as {
      body: string;
    }[];
    return rows.map((row) => JSON.parse(row.body) as EventEnvelope);
  }
}
