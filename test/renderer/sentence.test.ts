// Messages from the core read as sentences, without the argument name the API puts first.
import { describe, expect, it } from 'vitest';
import { sentence, withoutArgumentName } from '../../renderer/format/sentence';

describe('a message as a sentence', () => {
  it('drops the argument name, capitalizes and ends with a full stop', () => {
    expect(withoutArgumentName("proposalIds: RB-FG-000003-P2-P1 was accepted by pl.rosa and awaits a supervisor's approval (AP-1)")).toBe(
      "RB-FG-000003-P2-P1 was accepted by pl.rosa and awaits a supervisor's approval (AP-1).",
    );
    expect(withoutArgumentName('payload.transfer.transferId: transfer T-1 exists already')).toBe('Transfer T-1 exists already.');
    expect(withoutArgumentName('Nothing to name here!')).toBe('Nothing to name here!');
    expect(sentence('give a reason')).toBe('Give a reason.');
  });
});
