// Quarantine: lots on hold, the quality engineer's usage decisions, containment and conflicts.
import { z } from 'zod';
import { idSchema, type DispositionDecision, type StockType } from '../domain';
import { usagePostingsSchema, type UsagePosting } from '../usage-decision';

/**
 * Where the lot's disposition task stands, as the quality engineer sees it. decided: the ERP posted the
 * inspection lot's usage decision, from this workstation or another; nothing is left to decide.
 */
export const taskStates = ['awaiting-decision', 'awaiting-approval', 'pending-upstream', 'decided', 'conflict', 'withdrawn'] as const;
export type TaskState = (typeof taskStates)[number];

/** SAP QM's inspection lot status. */
export const inspectionLotStatuses = ['created', 'released', 'results-recorded', 'usage-decision-made'] as const;
export type InspectionLotStatus = (typeof inspectionLotStatuses)[number];

/** Something upstream did to a lot, as the cache heard it. */
export interface LotChange {
  at: string;
  version: number;
  /** The event or accepted command that changed it, e.g. lot.consumed. */
  type: string;
  summary: string;
}

/**
 * Why a decision came back refused: the ERP found it stale (the lot changed since the version it saw), a
 * supervisor rejected its use-as-is (nothing went upstream), or the gateway refused who sent it: the
 * sign-in (ran out, its user disabled since) or the role (none at the lot's plant, or taken away).
 */
export type RefusalKind = 'stale' | 'approval-rejected' | 'sign-in' | 'role';

/** A decision the gateway refused, beside what changed since the version it saw. */
export interface DecisionConflict {
  reason: string;
  kind: RefusalKind;
  sawVersion: number;
  sawQuantity: number;
  /** What happened to the lot after the version the decision saw, oldest first. */
  changes: LotChange[];
}

/** A lot a usage decision left in stock: the lot itself, or a sub-lot split off, as the cache has it now. */
export interface DecidedPart {
  lotId: string;
  decision: DispositionDecision;
  quantity: number;
  stockType: StockType;
}

/** A decision this workstation sent that lost to one made elsewhere first. */
export interface OvertakenDecision {
  decidedBy: string;
  decidedAt: string;
  code: string;
}

export interface QuarantineRow {
  lotId: string;
  itemId: string;
  itemDescription: string;
  plant: string;
  quantity: number;
  unit: string;
  stockType: StockType;
  supplierId: string | null;
  inspectionLotId: string;
  inspectionLotStatus: InspectionLotStatus;
  defectCode: string;
  defectText: string;
  /** ISO time the lot went on hold; the grid shows its age from this. */
  holdSince: string;
  taskId: string;
  taskState: TaskState;
  /**
   * The usage decision's postings, valuation and code: the ERP's once it posted one (whoever made it),
   * else this workstation's latest; null before a decision.
   */
  postings: UsagePosting[] | null;
  valuation: 'accept' | 'reject' | null;
  decisionCode: string | null;
  decisionReason: string | null;
  deviationNumber: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The decision that stands was made on this workstation. */
  decidedHere: boolean;
  /** Once decided upstream: the lot and each sub-lot it left in stock (empty before). */
  parts: DecidedPart[];
  /** This workstation's own decision, when another workstation's came first and stands. */
  overtaken: OvertakenDecision | null;
  /** The supervisor's approval a use-as-is waits for (taskState awaiting-approval) or was approved under. */
  approvalId: string | null;
  /**
   * Who approved the use-as-is, and when: from the approval as this workstation heard it, else from the
   * ERP's decision, which names who but not when (approvedAt null). Null before an approval.
   */
  approvedBy: string | null;
  approvedAt: string | null;
  /** Lots also blocked by the decision, for containment. */
  containmentLotIds: string[];
  /** Held for containment: the failed lot this one was made from, whose decision blocked it. */
  containedBy: string | null;
  /** How much of the lot production orders consumed, as far as the cache heard: containment matters when > 0. */
  consumedQuantity: number;
  conflict: DecisionConflict | null;
  lotVersion: number;
  /** When the usage decision falls due (its SLA, counted from the failure); null for holds from before SLAs. */
  dueAt: string | null;
  /** When the gateway published the escalation of its inspection lot (nobody decided in time); null while not. */
  escalatedAt: string | null;
  /** What the SLA did by itself at the due time ("kept blocked"), as the gateway says; null when nothing. */
  autoAction: string | null;
  /** The lot's bin's latest cycle count, when the WMS counted it while on hold. */
  cycleCount: LotCycleCount | null;
}

/** A cycle count of a held lot's bin, and where its adjustment stands. */
export interface LotCycleCount {
  countId: string;
  bin: string;
  countedQuantity: number;
  bookQuantity: number;
  difference: number;
  value: number;
  withinTolerance: boolean;
  countedBy: string;
  countedAt: string;
  status: 'adjusting' | 'awaiting-approval' | 'adjusted' | 'recount' | 'refused';
  approvalId: string | null;
  note: string | null;
}

export const dispositionArgsSchema = z
  .object({
    taskId: idSchema,
    postings: usagePostingsSchema,
    reason: z.string().trim().min(3, 'give a reason of at least 3 characters').max(1000),
    deviationNumber: z.string().trim().min(1).max(80).optional(),
    /** Lots made from this one (genealogy) to block in the same decision. */
    containmentLotIds: z
      .array(idSchema)
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, 'each lot at most once')
      .optional(),
  })
  .refine((args) => !args.postings.some((p) => p.decision === 'use-as-is') || args.deviationNumber !== undefined, {
    path: ['deviationNumber'],
    message: 'use-as-is needs a deviation number',
  });
export type DispositionArgs = z.infer<typeof dispositionArgsSchema>;

export interface ContainmentOrder {
  productionOrderId: string;
  /** How much of the parent lot the order consumed. */
  quantity: number;
  unit: string;
}

/** A lot made, directly or further down, from the lot in question. */
export interface ContainmentLot {
  lotId: string;
  /** 1: made from the lot itself; 2: from a lot made from it; ... */
  depth: number;
  parentLotId: string;
  productionOrderId: string;
  itemId: string;
  itemDescription: string;
  /** Where it is now, as the cache knows it; null when the cache has not heard of the lot. */
  plant: string | null;
  quantity: number | null;
  unit: string | null;
  stockType: StockType | null;
}

export interface ContainmentReport {
  lotId: string;
  unit: string;
  consumedBy: ContainmentOrder[];
  /** Depth first, each lot after the one it was made from. */
  lots: ContainmentLot[];
}

export interface LotLookup {
  lotId: string;
  onHold: boolean;
  lot: { itemId: string; itemDescription: string; plant: string; quantity: number; unit: string; stockType: StockType } | null;
  /** The usage decision that decided this lot, or split it off as a sub-lot of `parentLotId`. */
  decision: { decidedBy: string; decidedAt: string; code: string; inspectionLotId: string; parentLotId: string | null } | null;
}

export const quarantineArgSchemas = {
  'quarantine.list': z.object({}),
  'quarantine.disposition': dispositionArgsSchema,
  'quarantine.withdraw': z.object({ taskId: idSchema, reason: z.string().trim().min(3, 'give a reason of at least 3 characters').max(1000) }),
  'quarantine.reopen': z.object({ taskId: idSchema }),
  'quarantine.containment': z.object({ lotId: idSchema }),
  'quarantine.lookup': z.object({ lotId: idSchema }),
} as const;

export interface QuarantineApi {
  'quarantine.list': (args: Record<string, never>) => QuarantineRow[];
  'quarantine.disposition': (args: DispositionArgs) => { commandId: string; containmentCommandIds: string[] };
  /** Withdraws a decision the gateway refused: the lot stays as upstream has it, and the task closes. */
  'quarantine.withdraw': (args: { taskId: string; reason: string }) => Record<string, never>;
  /** Opens a withdrawn lot's task again, to post a new usage decision on the lot as it is now. */
  'quarantine.reopen': (args: { taskId: string }) => Record<string, never>;
  'quarantine.containment': (args: { lotId: string }) => ContainmentReport;
  /** What a scanned lot id is: on hold here, a lot the cache knows, or unknown. */
  'quarantine.lookup': (args: { lotId: string }) => LotLookup;
}
