// Exceptions as the workflows record them and the Order Impact view reads them.
import type Database from 'better-sqlite3';
import type { ExceptionResponse, ExceptionRow, ExceptionStatus, ExceptionType, LineStopDetail, LotBlockDetail, ProjectedEffect, ResponseChoice, SupplierDelayDetail } from '../../shared/api/impact';
import { summarize, type Impact } from '../model/impact';

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
  choice: ResponseChoice | null;
  instanceId: string;
  /** The exception.answer this workstation sent, when it answered. */
  answerCommandId: string | null;
  /** When its impact was last computed against the plan. */
  weighedAt: string;
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
  chosenBy: string | null;
  chosenAt: string | null;
  chosenNote: string | null;
  chosenLabel: string | null;
  remaining: string | null;
  answerCommandId: string | null;
  weighedAt: string | null;
}

const select = `
  SELECT e.id, e.type, e.item_id AS itemId,
    CASE WHEN e.type = 'line-stop' THEN 'Production line' ELSE coalesce(i.description, e.item_id) END AS itemDescription, e.plant,
    e.source_document AS sourceDocument, e.detected_at AS detectedAt, e.orders_hit AS ordersHit,
    e.revenue_at_risk AS revenueAtRisk, e.worst_days_late AS worstDaysLate, e.unfulfilled, e.status,
    e.task_id AS taskId, e.detail, e.impact, e.responses, e.chosen_response AS chosenResponse, e.instance_id AS instanceId,
    e.chosen_by AS chosenBy, e.chosen_at AS chosenAt, e.chosen_note AS chosenNote, e.chosen_label AS chosenLabel, e.remaining, e.answer_command_id AS answerCommandId, e.weighed_at AS weighedAt
  FROM exceptions e LEFT JOIN items i ON i.id = e.item_id`;

function toStored(raw: RawException): StoredException {
  const { detail, impact, responses, chosenResponse, instanceId, chosenBy, chosenAt, chosenNote, chosenLabel, remaining, answerCommandId, weighedAt, ...row } = raw;
  const choice = chosenResponse && chosenBy && chosenAt ? { responseId: chosenResponse, by: chosenBy, at: chosenAt, note: chosenNote, ...(chosenLabel ? { label: chosenLabel } : {}) } : null;
  return {
    row: { ...row, remaining: remaining === null ? null : (JSON.parse(remaining) as ProjectedEffect) },
    detail: JSON.parse(detail) as SupplierDelayDetail | LotBlockDetail | LineStopDetail,
    impact: JSON.parse(impact) as Impact,
    responses: JSON.parse(responses) as ExceptionResponse[],
    chosenResponse,
    choice,
    instanceId,
    answerCommandId,
    weighedAt: weighedAt ?? row.detectedAt,
  };
}

/** Answered while anything is left late, resolved once nothing is. */
const statusFor = (remaining: ProjectedEffect | null): ExceptionStatus => (remaining && remaining.ordersHit > 0 ? 'answered' : 'resolved');

export function createExceptionsRepo(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO exceptions (id, type, item_id, plant, source_document, detected_at, weighed_at, orders_hit, revenue_at_risk,
       worst_days_late, unfulfilled, status, detail, impact, responses, instance_id, task_id)
     VALUES (@id, @type, @itemId, @plant, @sourceDocument, @detectedAt, @detectedAt, @ordersHit, @revenueAtRisk,
       @worstDaysLate, @unfulfilled, @status, @detail, @impact, @responses, @instanceId, @taskId)`,
  );
  const all = db.prepare<[], RawException>(`${select} ORDER BY e.detected_at DESC, e.id`);
  const one = db.prepare<[string], RawException>(`${select} WHERE e.id = ?`);
  const setStatus = db.prepare('UPDATE exceptions SET status = ? WHERE id = ?');
  const setDetail = db.prepare('UPDATE exceptions SET detail = ? WHERE id = ?');
  const setResponses = db.prepare('UPDATE exceptions SET responses = ? WHERE id = ?');
  const choose = db.prepare('UPDATE exceptions SET chosen_response = @responseId, status = @status, chosen_by = @by, chosen_at = @at, chosen_note = @note, chosen_label = NULL, remaining = @remaining WHERE id = @id');
  const setRemaining = db.prepare('UPDATE exceptions SET status = ?, remaining = ? WHERE id = ?');
  const answerCommand = db.prepare('UPDATE exceptions SET answer_command_id = ? WHERE id = ?');
  const answeredElsewhere = db.prepare(
    "UPDATE exceptions SET chosen_response = @responseId, status = @status, chosen_by = @by, chosen_at = @at, chosen_note = @note, chosen_label = @label, remaining = @remaining, task_id = NULL WHERE id = @id",
  );
  const setImpact = db.prepare(
    'UPDATE exceptions SET impact = @impact, orders_hit = @ordersHit, revenue_at_risk = @revenueAtRisk, worst_days_late = @worstDaysLate, unfulfilled = @unfulfilled WHERE id = @id',
  );
  const weighed = db.prepare('UPDATE exceptions SET weighed_at = ? WHERE id = ?');
  const reopen = db.prepare("UPDATE exceptions SET chosen_response = NULL, chosen_by = NULL, chosen_at = NULL, chosen_note = NULL, chosen_label = NULL, remaining = NULL, status = 'open', task_id = ? WHERE id = ?");
  const rerouting = db
    .prepare<[string, string], string>(
      // instr first: only the line stop that names the command has its orders read as JSON.
      `SELECT e.id FROM exceptions e, json_each(e.detail, '$.orders') o
       WHERE e.type = 'line-stop' AND instr(e.detail, ?) > 0 AND json_extract(o.value, '$.rerouted.commandId') = ?`,
    )
    .pluck();
  const holding = db
    .prepare<[string, string], string>(
      `SELECT DISTINCT e.id FROM exceptions e, json_each(e.detail, '$.orders') o
       WHERE e.type = 'line-stop' AND instr(e.detail, ?) > 0 AND json_extract(o.value, '$.productionOrderId') = ?`,
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
    /**
     * A planner applied a response: the exception waits for its approval, or is answered with what
     * the response still leaves late (resolved when that is nothing). The choice keeps who, when and the note.
     */
    chooseResponse(id: string, choice: ResponseChoice, awaitingApproval = false): void {
      const raw = one.get(id);
      const projected = raw && (JSON.parse(raw.responses) as ExceptionResponse[]).find((response) => response.id === choice.responseId)?.projected;
      const remaining = projected ?? null;
      const { label: _label, ...chosen } = choice;
      choose.run({ id, ...chosen, status: awaitingApproval ? 'awaiting-approval' : statusFor(remaining), remaining: remaining && JSON.stringify(remaining) });
    },
    /** The exception.answer this workstation sent for it: the answer heard back is its own. */
    noteAnswerCommand(id: string, commandId: string | null): void {
      answerCommand.run(commandId, id);
    },
    /**
     * A planner on another workstation answered it: the choice, the note and what it leaves late as
     * that planner saw them; awaiting approval while a supervisor has yet to decide. No task here.
     */
    answeredElsewhere(id: string, choice: ResponseChoice, remaining: ProjectedEffect | null, awaitingApproval: boolean): void {
      answeredElsewhere.run({ id, ...choice, label: choice.label ?? null, status: awaitingApproval ? 'awaiting-approval' : statusFor(remaining), remaining: remaining && JSON.stringify(remaining) });
    },
    /** What is still late changed (a lot decided, a plan change): answered or resolved by it. */
    setRemaining(id: string, remaining: ProjectedEffect): void {
      setRemaining.run(statusFor(remaining), JSON.stringify(remaining), id);
    },
    /** The orders the disruption makes later, as the plan has them now. */
    setImpact(id: string, impact: Impact): void {
      setImpact.run({ id, impact: JSON.stringify(impact), ...summarize(impact) });
    },
    /** Its impact was computed against the plan at `at` (changed or not). */
    weighed(id: string, at: string): void {
      weighed.run(at, id);
    },
    /** Open line stops with held-up orders whose alternates are not weighed yet. */
    unweighedLineStops: (): string[] => unweighedStops.all(),
    /** The line stops that hold the production order up. */
    lineStopsHolding: (productionOrderId: string): string[] => holding.all(productionOrderId, productionOrderId),
    /** The line stop whose held-up order a production.reroute command moved. */
    reroutedBy: (commandId: string): string | undefined => rerouting.get(commandId, commandId),
    /** The chosen response was refused (an approval rejected): the planner is asked again. */
    reopen(id: string, taskId: string): void {
      reopen.run(taskId, id);
    },
  };
}
export type ExceptionsRepo = ReturnType<typeof createExceptionsRepo>;
