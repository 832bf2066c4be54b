// A plant message in ISA-95 B2MML, carried in an ordinary event envelope on a plant stream. It is not
// a canonical event: the plant connector's format adapter turns it into canonical events on entry.
import { z } from 'zod';

export const b2mmlEventType = 'b2mml';

/** The envelope's payload: the XML text as the plant system sent it. */
export const b2mmlPayloadSchema = z.object({
  xml: z.string().min(1).max(4_000_000),
});
export type B2mmlPayload = z.infer<typeof b2mmlPayloadSchema>;
