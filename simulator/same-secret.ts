// Compares a secret someone sent with the one expected in constant time: both are hashed first, so
// neither their contents nor their lengths show in how long the answer takes. Every token check uses
// it: the gateway's connector token, the control endpoints' operator token, the web host's launch token.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
