// Quarantine: lots on hold and the quality engineer's usage decisions.
import { z } from 'zod';
import {
  dispositionDecisionSchema,
  idSchema,
  type DispositionDecision,
  type StockType,
} from '../domain';

/** Where the lot's disposition task stands, as the quality engineer sees it. */
export const taskStates = ['awaiting-decision', 'pending-upstream', 'accepted', 'conflict'] as const;
export type TaskState = (typeof taskStates)[number];

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
  defectCode: string;
  defectText: string;
  /** ISO time the lot went on hold; the grid shows its age from this. */
  holdSince: string;
  taskId: string;
  taskState: TaskState;
  decision: DispositionDecision | null;
  decisionReason: string | null;
  deviationNumber: string | null;
  decidedBy: string | null;
  /** Why the gateway rejected the decision, when taskState is conflict. */
  conflictReason: string | null;
  lotVersion: number;
}

export const dispositionArgsSchema = z
  .object({
    taskId: idSchema,
    decision: dispositionDecisionSchema,
    reason: z.string().trim().min(3, 'give a reason of at least 3 characters').max(1000),
    deviationNumber: z.string().trim().min(1).max(80).optional(),
  })
  .refine((args) => args.decision !== 'use-as-is' || args.deviationNumber !== undefined, {
    path: ['deviationNumber'],
    message: 'use-as-is needs a deviation number',
  });
export type DispositionArgs = z.infer<typeof dispositionArgsSchema>;

export const quarantineArgSchemas = {
  'quarantine.list': z.object({}),
  'quarantine.disposition': dispositionArgsSchema,
} as const;

export interface QuarantineApi {
  'quarantine.list': (args: Record<string, never>) => QuarantineRow[];
  'quarantine.disposition': (args: DispositionArgs) => { commandId: string };
}
