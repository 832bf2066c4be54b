// The socket.io sync protocol between a connector and a gateway (DESIGN.md section 3).
import { z } from 'zod';
import { eventEnvelopeSchema, eventPayloadSchemas } from './events';
import { datasetSchema } from './dataset';
import { idSchema, isoDateTimeSchema, quantitySchema, stockTypeSchema } from './domain';
import { currencySchema, standardUnits, unitOfMeasureSchema } from './units';

/** socket.io event names, one place so client and gateway cannot drift. */
export const syncMessages = {
  subscribe: 'subscribe',
  snapshot: 'snapshot',
  events: 'events',
  caughtUp: 'caughtUp',
  replay: 'replay',
  command: 'command',
  snapshotPart: 'snapshotPart',
  /** Asked with an ack: the gateway says which protocol it speaks, its epoch, its clock and its plants (a connection test). */
  about: 'about',
} as const;

/** The sync protocol's version: a gateway that speaks another is not one this app can sync with. */
export const syncProtocolVersion = 1;

export const gatewayAboutSchema = z.object({
  protocolVersion: z.number().int().positive(),
  epoch: idSchema,
  /** The gateway's clock when it answered: a workstation's skew from it shows. */
  serverTime: z.iso.datetime({ offset: true }),
  plants: z.array(idSchema),
});
export type GatewayAbout = z.infer<typeof gatewayAboutSchema>;

export const handshakeAuthSchema = z.object({
  token: z.string(),
  /** The workstation; who sits at it is in each command's session token, never here. */
  clientId: idSchema,
});
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

/** Stream name -> last applied seq (0 when nothing was applied yet). */
export const streamCursorsSchema = z.record(idSchema, z.number().int().nonnegative());
export type StreamCursors = z.infer<typeof streamCursorsSchema>;

export const subscribeRequestSchema = z.object({
  streams: streamCursorsSchema,
  /**
   * The gateway epoch of the last snapshot this client applied. The same epoch means the client
   * holds this gateway's data and only needs what follows its cursors; another epoch, a snapshot.
   * Without it, cursors all at 0 mean a new client.
   */
  epoch: idSchema.optional(),
});
export type SubscribeRequest = z.infer<typeof subscribeRequestSchema>;

export const subscribeAckSchema = z.union([
  z.object({ ok: z.literal(true), snapshot: z.boolean() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type SubscribeAck = z.infer<typeof subscribeAckSchema>;

export const replayRequestSchema = z.object({ stream: idSchema, afterSeq: z.number().int().nonnegative() });
export type ReplayRequest = z.infer<typeof replayRequestSchema>;

/** Sent after the replay of every subscribed stream: the heads the connector has now been sent. */
export const caughtUpSchema = z.object({ streams: streamCursorsSchema });
export type CaughtUp = z.infer<typeof caughtUpSchema>;

export const snapshotLotSchema = z.object({
  lotId: idSchema,
  itemId: idSchema,
  plant: idSchema,
  quantity: quantitySchema,
  unit: idSchema,
  stockType: stockTypeSchema,
  supplierId: idSchema.optional(),
  version: z.number().int().nonnegative(),
});
export type SnapshotLot = z.infer<typeof snapshotLotSchema>;

/** An inspection lot that failed and still waits for its usage decision: open state a new client must see. */
export const openInspectionSchema = z.object({
  inspectionLotId: idSchema,
  lotId: idSchema,
  defectCode: idSchema,
  defectText: z.string().max(500),
  failedAt: isoDateTimeSchema,
});
export type OpenInspection = z.infer<typeof openInspectionSchema>;

/** Master data and open state, with the stream positions it reflects. */
export const snapshotSchema = z.object({
  streams: streamCursorsSchema,
  /** Which life of the gateway's log this snapshot comes from; the client sends it back on subscribe. */
  epoch: idSchema.optional(),
  plants: z.array(z.object({ id: idSchema, name: z.string().min(1) })),
  items: z.array(z.object({ id: idSchema, description: z.string().min(1), unit: idSchema })),
  /** Units of measure with their decimals (absent from older gateways: the standard ones). */
  units: z.array(unitOfMeasureSchema).default(() => [...standardUnits]),
  /** The company currency order values are in. */
  currency: currencySchema.optional(),
  lots: z.array(snapshotLotSchema),
  openInspections: z.array(openInspectionSchema).default([]),
  /** Requests still waiting for a supervisor's decision (ERP namespace): open state a new client must see. */
  openApprovals: z.array(eventPayloadSchemas['approval.requested']).default([]),
  /** Requests decided in the last days (decidedApprovalDays), each with its decision. */
  decidedApprovals: z.array(z.object({ request: eventPayloadSchemas['approval.requested'], decision: eventPayloadSchemas['approval.decided'] })).default([]),
  /** Usage decisions the ERP posted, so a workstation that missed their events shows who decided its lots. */
  usageDecisions: z.array(eventPayloadSchemas['usageDecision.made']).default([]),
  /**
   * Disruptions of the planning horizon (ASN delays, line stops and restarts) as their events were
   * published, so a workstation that missed them weighs the same exceptions under the same ids.
   */
  disruptions: z.array(eventEnvelopeSchema).default([]),
  /** The answers planners gave to exceptions, so a workstation that missed them shows them answered. */
  exceptionAnswers: z.array(eventPayloadSchemas['exception.answered']).default([]),
  /** Human tasks escalated past their due time (ERP namespace). */
  escalations: z.array(eventPayloadSchemas['escalation.raised']).default([]),
  /** The unit mappings of the plants whose streams this snapshot covers (plant namespaces). */
  unitMappings: z.array(eventPayloadSchemas['plant.unitMapped']).default([]),
  /**
   * How many `snapshotPart` messages follow with the planning data (ERP namespace). The snapshot
   * applies, cursors included, only once all have arrived; 0: no planning data.
   */
  planningParts: z.number().int().nonnegative().default(0),
});
export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotInput = z.input<typeof snapshotSchema>;

/** A slice of the planning dataset: some of its tables, some of their rows; the first carries `today`. */
export const planningChunkSchema = datasetSchema
  .omit({ schemaVersion: true, seed: true, scale: true, units: true, currency: true })
  .partial()
  // Without the dataset's defaults: a part that does not carry them says nothing about them.
  .extend({ units: z.array(unitOfMeasureSchema).optional(), currency: currencySchema.optional() });
export type PlanningChunk = z.infer<typeof planningChunkSchema>;

export const snapshotPartSchema = z.object({
  /** 1-based; parts arrive in order. */
  part: z.number().int().positive(),
  of: z.number().int().positive(),
  planning: planningChunkSchema,
});
export type SnapshotPart = z.infer<typeof snapshotPartSchema>;
