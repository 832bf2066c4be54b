// Commands a workflow sends on its own carry an id derived from the event, the same on every workstation.
import { describe, expect, it } from 'vitest';
import { commandIdFor } from '../../orchestration-core/engine/queue-command';
import { idSchema } from '../../shared/domain';

describe('commandIdFor', () => {
  it('derives the id from the event id and the purpose', () => {
    expect(commandIdFor('erp-000042-9f3a', 'block')).toBe('erp-000042-9f3a.block');
    expect(commandIdFor('erp-000042-9f3a', 'block')).not.toBe(commandIdFor('erp-000043-9f3a', 'block'));
    expect(commandIdFor('erp-000042-9f3a', 'block')).not.toBe(commandIdFor('erp-000042-9f3a', 'receipt-date'));
  });

  it('stays within what the wire accepts for a long event id, still one id per event and purpose', () => {
    const long = `urn:kafka:erp-planning:partition-7:${'x'.repeat(60)}`;
    const id = commandIdFor(long, 'receipt-date');
    expect(idSchema.safeParse(id).success).toBe(true);
    expect(id).toBe(commandIdFor(long, 'receipt-date'));
    expect(id).not.toBe(commandIdFor(`${long}y`, 'receipt-date'));
  });
});
