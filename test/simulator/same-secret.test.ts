// The one comparison of a token with the expected one: equal only for the same secret, whatever the lengths.
import { describe, expect, it } from 'vitest';
import { sameSecret } from '../../simulator/same-secret';

describe('sameSecret', () => {
  it('holds for the same secret only', () => {
    expect(sameSecret('dev-token', 'dev-token')).toBe(true);
    expect(sameSecret('dev-tokeN', 'dev-token')).toBe(false);
    expect(sameSecret('dev-token-longer', 'dev-token')).toBe(false);
    expect(sameSecret('', 'dev-token')).toBe(false);
    expect(sameSecret('ü', 'u\u0308')).toBe(false);
  });
});
