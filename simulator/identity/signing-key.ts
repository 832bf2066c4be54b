// The gateway's key for session tokens: an Ed25519 pair made at its first start and kept in its
// database, so tokens it signed stay valid across restarts. Workstations get the public half only.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { sessionAlgorithm } from '../../shared/auth/session-claims';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function loadSigningKey(db: Database.Database, now: Date): Promise<SigningKey> {
  db.exec('CREATE TABLE IF NOT EXISTS signing_keys (kid TEXT PRIMARY KEY, private_jwk TEXT NOT NULL, public_jwk TEXT NOT NULL, created_at TEXT NOT NULL)');
  const stored = db.prepare<[], { kid: string; private_jwk: string; public_jwk: string }>('SELECT kid, private_jwk, public_jwk FROM signing_keys ORDER BY created_at DESC LIMIT 1').get();
  if (stored) {
    const publicJwk = JSON.parse(stored.public_jwk) as JWK;
    return { kid: stored.kid, privateKey: (await importJWK(JSON.parse(stored.private_jwk) as JWK, sessionAlgorithm)) as CryptoKey, publicJwk };
  }
  const pair = await generateKeyPair(sessionAlgorithm, { crv: 'Ed25519', extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg: sessionAlgorithm, use: 'sig' };
  db.prepare('INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at) VALUES (?, ?, ?, ?)').run(kid, JSON.stringify(await exportJWK(pair.privateKey)), JSON.stringify(publicJwk), now.toISOString());
  return { kid, privateKey: pair.privateKey, publicJwk };
}
