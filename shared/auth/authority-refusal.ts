// Which of the gateway's refusals are about who decided rather than about the lot: the sign-in that
// carried the decision (expired, forged, its user disabled since), the role that may not send it, the
// person a follow-up names. They are told apart by the field each names first, the one the gateway's
// authority check writes; a stale version or a second usage decision names another.
const authorityFields = ['session', 'session token', 'role', 'onBehalfOf', 'issuedAt'] as const;

/** The gateway refused the command for who sent it, not for what it asked: deciding again as the same person changes nothing. */
export function isAuthorityRefusal(reason: string): boolean {
  const colon = reason.indexOf(':');
  return colon > 0 && (authorityFields as readonly string[]).includes(reason.slice(0, colon));
}
