// Exceptions as the workflows record them and the Order Impact view reads them.
import type Database from 'better-sqlite3';
import type { ExceptionResponse, ExceptionRow, ExceptionStatus, ExceptionType, LineStopDetail, LotBlockDetail, SupplierDelayDetail } from '../../shared/api/impact';
import type { Impact } from '../analysis/impact';

export interface NewException {
  id: string;
  type: ExceptionType;
  itemId: string;
  plant: string;
  sourceDocument: string;
  detectedAt: string;
  status: ExceptionStatus;
  detail: SupplierDelayDetail | LotBlockDetail | LineStopDetail;
  impact: Impact;
  responses: ExceptionResponse[];
  instanceId: string;
  taskId: string | null;
}

export interface StoredException {
  row: ExceptionRow;
  detail: SupplierDelayDetail | LotBlockDetail | LineStopDetail;
  impact: Impact;
  responses: ExceptionResponse[];
  chosenResponse: ExceptionResponse['id'] | null;
  instanceId: string;
}

interface RawException {
  id: string;
  type: ExceptionType;
  itemId: string;
  itemDescription: string;
  plant: string;
  sourceDocument: string;
  detectedAt: string;
  ordersHit: number;
  revenueAtRisk: number;
  worstDaysLate: number | null;
  unfulfilled: number;
  status: ExceptionStatus;
  taskId: string | null;
  detail: string;
  impact: string;
  responses: string;
  chosenResponse: ExceptionResponse['id'] | null;
  instanceId: string;
}

const select = `
  SELECT e.id, e.type, e.item_id AS itemId, coalesce(i.description, e.item_id) AS itemDescription, e.plant,
    e.source_document AS sourceDocument, e.detected_at AS detectedAt, e.orders_hit AS ordersHit,
    e.revenue_at_risk AS revenueAtRisk, e.worst_days_late AS worstDaysLate, e.unfulfilled, e.status,
    e.task_id AS taskId, e.detail, e.impact, e.responses, e.chosen_response AS chosenResponse, e.instance_id AS instanceId
  FROM exceptions e LEFT JOIN items i ON i.id = e.item_id`;

function toStored(raw: RawException): StoredException {
  const { detail, impact, responses, chosenResponse, instanceId, ...row } = raw;
  return { row, detail: JSON.parse(detail) as SupplierDelayDetail | LotBlockDetail | LineStopDetail, impact: JSON.parse(impact) as Impact, responses: JSON.parse(responses) as ExceptionResponse[], chosenResponse, instanceId };
}

/** The figures the exceptions grid shows, from the impact. */
export function summarize(impact: Impact): { ordersHit: number; revenueAtRisk: number; worstDaysLate: number | null; unfulfilled: number } {
  const orders = [...impact.productionOrders, ...impact.customerOrders];
  const dated = orders.flatMap((order) => (order.daysLate === null ? [] : [order.daysLate]));
  return {
    ordersHit: orders.length,
    revenueAtRisk: impact.totalRevenueAtRisk,
    worstDaysLate: dated.length > 0 ? Math.max(...dated) : null,
    unfulfilled: orders.filter((order) => order.unfulfilled).length,
  };
}

export function createExceptionsRepo(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO exceptions (id, type, item_id, plant, source_document, detected_at, orders_hit, revenue_at_risk,
       worst_days_late, unfulfilled, status, detail, impact, responses, instance_id, task_id)
     VALUES (@id, @type, @itemId, @plant, @sourceDocument, @detectedAt, @ordersHit, @revenueAtRisk,
       @worstDaysLate, @unfulfilled, @status, @detail, @impact, @responses, @instanceId, @taskId)`,
  );
  const all = db.prepare<[], RawException>(`${select} ORDER BY e.detected_at DESC, e.id`);
  const one = db.prepare<[string], RawException>(`${select} WHERE e.id = ?`);
  const setStatus = db.prepare('UPDATE exceptions SET status = ? WHERE id = ?');
  const setDetail = db.prepare('UPDATE exceptions SET detail = ? WHERE id = ?');
  const setResponses = db.prepare('UPDATE exceptions SET responses = ? WHERE id = ?');
  const choose = db.prepare("UPDATE exceptions SET chosen_response = ?, status = ? WHERE id = ?");
  const reopen = db.prepare("UPDATE exceptions SET chosen_response = NULL, status = 'open', task_id = ? WHERE id = ?");
  const rerouting = db
    .prepare<[string, string], string>(
      // instr first: only the line stop that names the command has its orders read as JSON.
      `SELECT e.id FROM exceptions e, json_each(e.detail, '$.orders') o
       WHERE e.type = 'line-stop' AND instr(e.detail, ?) > 0 AND json_extract(o.value, '$.rerouted.commandId') = ?`,
    )
    .pluck();
  const unweighedStops = db
    .prepare<[], string>(
      `SELECT DISTINCT e.id FROM exceptions e, json_each(e.detail, '$.orders') o
       WHERE e.type = 'line-stop' AND e.status = 'open' AND json_extract(o.value, '$.alternatesEvaluated') = 0
         AND json_extract(o.value, '$.rerouted') IS NULL`,
    )
    .pluck();
  return {
    insert(exception: NewException): void {
      insert.run({ ...exception, ...summarize(exception.impact), detail: JSON.stringify(exception.detail), impact: JSON.stringify(exception.impact), responses: JSON.stringify(exception.responses) });
    },
    list: (): ExceptionRow[] => all.all().map((raw) => toStored(raw).row),
    get: (id: string): StoredException | undefined => {
      const raw = one.get(id);
      return raw && toStored(raw);
    },
    setStatus(id: string, status: ExceptionStatus): void {
      setStatus.run(status, id);
    },
    /** What the planner did to the exception's orders so far (a line stop's reroutes). */
    setDetail(id: string, detail: SupplierDelayDetail | LotBlockDetail | LineStopDetail): void {
      setDetail.run(JSON.stringify(detail), id);
    },
    /** The responses projected again (a line stop's, after reroutes). */
    setResponses(id: string, responses: readonly ExceptionResponse[]): void {
      setResponses.run(JSON.stringify(responses), id);
    },
    /** The planner applied a response: the exception is resolved with it, or waits for its approval. */
    chooseResponse(id: string, responseId: ExceptionResponse['id'], status: 'resolved' | 'awaiting-approval' = 'resolved'): void {
      choose.run(responseId, status, id);
    },
    /** Open line stops with held-up orders whose alternates are not weighed yet. */
    unweighedLineStops: (): string[] => unweighedStops.all(),
    /** The line stop whose held-up order a production.reroute command moved. */
    reroutedBy: (commandId: string): string | undefined => rerouting.get(commandId, commandId),
    /** The chosen response was refused (an approval rejected): the planner is asked again. */
    reopen(id: string, taskId: string): void {
      reopen.run(taskId, id);
    },
  };
}
export type ExceptionsRepo = ReturnType<typeof createExceptionsRepo>;
