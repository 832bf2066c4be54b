// Which of the gateway's refusals are about who decided rather than about the lot: the sign-in that
// carried the decision (expired, forged, its user disabled since), the role that may not send it, the
// person a follow-up names. They are told apart by the field each names first, the one the gateway's
// authority check writes; a stale version or a second usage decision names another.
const signInFields: readonly string[] = ['session', 'session token', 'issuedAt'];
const roleFields: readonly string[] = ['role', 'onBehalfOf'];

/**
 * Why the gateway refused who sent the command: the sign-in that carried it (ran out, forged, its user
 * disabled since), or the sender's role where the command acts (at that plant, or taken away since);
 * null for a refusal of what the command asked.
 */
export function authorityRefusalOf(reason: string): 'sign-in' | 'role' | null {
  const colon = reason.indexOf(':');
  const field = colon > 0 ? reason.slice(0, colon) : '';
  return signInFields.includes(field) ? 'sign-in' : roleFields.includes(field) ? 'role' : null;
}

/** The gateway refused the command for who sent it, not for what it asked: deciding again as the same person changes nothing. */
export function isAuthorityRefusal(reason: string): boolean {
  return authorityRefusalOf(reason) !== null;
}
