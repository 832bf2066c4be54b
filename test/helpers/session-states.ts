// What session.current answers for a signed-in person, for renderer tests with a fake host.
import type { SessionState } from '../../shared/api/session';
import type { Role } from '../../shared/domain';

export const signedInState = (user: string, role: Role, expired = false): SessionState => ({
  signedIn: true,
  user,
  displayName: user,
  role,
  plant: null,
  expiresAt: '2026-12-07T18:00:00.000Z',
  expired,
  deviationNumberPattern: '^DEV-\\d{1,8}$',
});
