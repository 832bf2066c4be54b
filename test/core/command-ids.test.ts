// Ids derived from an event (commands a workflow sends on its own, exceptions) are the same on every workstation.
import { describe, expect, it } from 'vitest';
import { commandIdFor, derivedId } from '../../orchestration-core/engine/derived-ids';
import { idSchema } from '../../shared/domain';

describe('derivedId', () => {
  it('names an exception after its event, hashed only when the name would not fit on the wire', () => {
    expect(derivedId('EX-', 'erp-000042-9f3a')).toBe('EX-erp-000042-9f3a');
    const long = `urn:kafka:erp-planning:partition-7:${'x'.repeat(60)}`;
    const id = derivedId('EX-', long);
    expect(id).toMatch(/^EX-[0-9a-f]{40}$/);
    expect(idSchema.safeParse(`AP-${id}`).success).toBe(true);
  });
});

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

  it('stays within the wire for a long purpose too (a containment block of a lot with a long id), one id per lot', () => {
    const lotId = `L-${'9'.repeat(70)}`;
    const id = commandIdFor('IL-000123', `contain-${lotId}`);
    expect(idSchema.safeParse(id).success).toBe(true);
    expect(id).not.toBe(commandIdFor('IL-000123', `contain-${lotId}0`));
  });
});
