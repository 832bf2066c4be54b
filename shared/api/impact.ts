// Order Impact: exceptions (disruptions with the orders they make later) and their details.
import { z } from 'zod';
import { idSchema, type DispositionDecision } from '../domain';
import { exceptionResponseIdSchema } from '../exception-answer';

export const exceptionTypes = ['supplier-delay', 'lot-block', 'line-stop'] as const;
export type ExceptionType = (typeof exceptionTypes)[number];
/**
 * answered: a response was applied but orders are still late (counted in `remaining`); resolved: a
 * response was applied and nothing is left late.
 */
export const exceptionStatuses = ['open', 'no-impact', 'awaiting-approval', 'accepted', 'answered', 'resolved'] as const;
export type ExceptionStatus = (typeof exceptionStatuses)[number];

export interface ExceptionRow {
  id: string;
  type: ExceptionType;
  itemId: string;
  itemDescription: string;
  plant: string;
  /** The document that carried the disruption: PO schedule line and ASN for a supplier delay. */
  sourceDocument: string;
  detectedAt: string;
  ordersHit: number;
  revenueAtRisk: number;
  /** The most days late of any order hit; null when none has a date any more (all unfulfilled). */
  worstDaysLate: number | null;
  /** Orders hit that supply no longer covers at all. */
  unfulfilled: number;
  status: ExceptionStatus;
  taskId: string | null;
  /** Once a response was applied: what is still late with it (the response's projection). */
  remaining: ProjectedEffect | null;
}

/** Which response a planner applied, who, when, and the note they typed. */
export interface ResponseChoice {
  responseId: ExceptionResponse['id'];
  by: string;
  at: string;
  note: string | null;
  /** The response as the planner read it ("Expedite PO-0003065/10"), when this workstation lists no such response. */
  label?: string;
}

interface ImpactedOrderFields {
  id: string;
  itemId: string;
  itemDescription: string;
  plant: string;
  quantity: number;
  daysLate: number | null;
  addedDaysLate: number | null;
  unfulfilled: boolean;
}

export interface ImpactedProductionOrderRow extends ImpactedOrderFields {
  line: string;
  startDate: string;
  dueDate: string;
}

export interface ImpactedCustomerOrderRow extends ImpactedOrderFields {
  customerId: string;
  shipDate: string;
  value: number;
  priority: number;
  revenueAtRisk: number;
}

export interface SupplierDelayDetail {
  poLineId: string;
  asnId: string;
  supplierId: string;
  quantity: number;
  /** The item's unit of measure; absent on exceptions recorded before it was kept. */
  unit?: string;
  previousDate: string;
  newDate: string;
  reason: string | null;
}

/** A lot that failed inspection and is blocked: what the plan can no longer allocate. */
export interface LotBlockDetail {
  lotId: string;
  inspectionLotId: string;
  quantity: number;
  unit: string;
  supplierId: string | null;
  defectCode: string;
  defectText: string;
  /** The ERP's usage decision on the inspection lot, once posted (from whichever workstation). */
  usageDecision?: { code: string; decidedBy: string; decidedAt: string; postings: { decision: DispositionDecision; quantity: number }[] };
}

/** Another plant's line that could make a held-up order in its own window. */
export interface RerouteOption {
  plant: string;
  line: string;
  /** The least free capacity left on any day of the order's window once it is there. */
  freeAfter: number;
  /** Orders hit if this order moves there and the others wait for the line. */
  projected: ProjectedEffect;
}

/** The ERP's answer to a reroute: pending until it comes; a refused order stays on the stopped line. */
export type RerouteUpstream = { state: 'pending' } | { state: 'accepted' } | { state: 'refused'; reason: string };

/** A reroute's answer from the gateway's reply. */
export function upstreamOf(reply: { status: 'accepted' | 'duplicate' | 'rejected'; reason?: string }): RerouteUpstream {
  return reply.status === 'rejected' ? { state: 'refused', reason: reply.reason ?? 'refused upstream' } : { state: 'accepted' };
}

/** Still on the stopped line: never rerouted, or the ERP refused the reroute. */
export const waitsForTheLine = (order: Pick<HeldUpOrder, 'rerouted'>): boolean => order.rerouted === null || order.rerouted.upstream.state === 'refused';

/** A production order the stoppage holds up. */
export interface HeldUpOrder {
  productionOrderId: string;
  itemId: string;
  quantity: number;
  startDate: string;
  dueDate: string;
  /** Its dates if it waits for the line. */
  waitingStartDate: string;
  waitingDueDate: string;
  alternates: RerouteOption[];
  /**
   * False until the core has weighed the order's alternates: the earliest when the line stops, the rest
   * a turn at a time after (each alternate's effect is a plan what-if). impact.reroute checks any line.
   */
  alternatesEvaluated: boolean;
  /** Where the planner sent it, once rerouted, and what the ERP made of it; `by` when another workstation's planner did. */
  rerouted: { plant: string; line: string; commandId: string; upstream: RerouteUpstream; by?: string } | null;
}

/** A stopped line: the stoppage and the orders it holds up. */
export interface LineStopDetail {
  stoppageId: string;
  plant: string;
  line: string;
  from: string;
  expectedDays: number;
  reason: string;
  restartedOn: string | null;
  orders: HeldUpOrder[];
}

/** The effect a response is projected to have, against the plan before the disruption. */
export interface ProjectedEffect {
  ordersHit: number;
  revenueAtRisk: number;
  worstDaysLate: number | null;
  unfulfilled: number;
}

export interface ExceptionResponse {
  id: 'expedite' | 'alternate-supplier' | 'substitute' | 'transfer' | 'reschedule' | 'accept-delay';
  label: string;
  description: string;
  needsApproval: boolean;
  projected: ProjectedEffect;
  /** How many commands go upstream when it is applied. */
  commandCount: number;
  /**
   * It leaves things worse than doing nothing (more orders hit, more revenue at risk or more orders
   * unfulfilled than accepting the disruption): the app marks it and asks for a confirmation.
   */
  worseThanDoingNothing: boolean;
}

export interface ExceptionDetail {
  exception: ExceptionRow;
  /** By the exception's type: a supplier delay's or a lot block's facts. */
  detail: SupplierDelayDetail | LotBlockDetail | LineStopDetail;
  /** When its orders hit and its responses' projections were last computed against the plan (again whenever the plan moves). */
  weighedAt: string;
  productionOrders: ImpactedProductionOrderRow[];
  customerOrders: ImpactedCustomerOrderRow[];
  responses: ExceptionResponse[];
  /** The response the planner chose, once chosen. */
  chosenResponse: ExceptionResponse['id'] | null;
  /** Who chose it, when, and the note kept with the decision. */
  choice: ResponseChoice | null;
  /** The latest approval requested for a response that needs one. */
  approval: ExceptionApproval | null;
  /**
   * This workstation's answer the gateway refused (another planner's answer came first, or why not),
   * until this workstation answers again.
   */
  refusedAnswer: { label: string; reason: string } | null;
}

/** Where a response that needs a supervisor's approval stands. */
export interface ExceptionApproval {
  id: string;
  responseId: ExceptionResponse['id'];
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: string;
  decidedBy: string | null;
  decisionReason: string | null;
  /** Why the ERP refused the approved substitution (the orders changed meanwhile), when it did. */
  refusedUpstream: string | null;
}

export const respondArgsSchema = z.object({
  exceptionId: idSchema,
  responseId: exceptionResponseIdSchema,
  note: z.string().trim().max(1000).optional(),
  /** The planner saw that the response leaves things worse than doing nothing, and applies it anyway. */
  confirmedWorse: z.literal(true).optional(),
});
export type RespondArgs = z.infer<typeof respondArgsSchema>;

export const rerouteArgsSchema = z.object({
  exceptionId: idSchema,
  productionOrderId: idSchema,
  toPlant: idSchema,
  toLine: idSchema,
});
export type RerouteArgs = z.infer<typeof rerouteArgsSchema>;

export const impactArgSchemas = {
  'impact.exceptions': z.object({}),
  'impact.exception': z.object({ id: idSchema }),
  'impact.respond': respondArgsSchema,
  'impact.reroute': rerouteArgsSchema,
} as const;

export interface ImpactApi {
  'impact.exceptions': (args: Record<string, never>) => ExceptionRow[];
  'impact.exception': (args: { id: string }) => ExceptionDetail;
  /**
   * Applies a response: its answer goes to the outbox (the gateway takes one per exception, for every
   * workstation), and the response's commands follow once the answer stands. Returns the answer's command.
   */
  'impact.respond': (args: RespondArgs) => { commandIds: string[] };
  /** Moves one order a stopped line holds up to another plant's line: production.reroute goes upstream. */
  'impact.reroute': (args: RerouteArgs) => { commandId: string };
}
