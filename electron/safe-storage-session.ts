// Electron keeps the last session token encrypted with the operating system's keychain (safeStorage),
// so a quality engineer who restarts the app offline stays signed in until the token runs out. Where
// the OS offers no encryption, nothing is written: sign in again after a restart.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import type { SessionKeeper } from '../orchestration-core/services/session-service';
import { consoleLogger } from './console-logger';

export function safeStorageSessionKeeper(filePath: string): SessionKeeper {
  return {
    load(): string | null {
      if (!safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(readFileSync(filePath));
      } catch {
        return null;
      }
    },
    save(token: string | null): void {
      if (token === null || !safeStorage.isEncryptionAvailable()) {
        rmSync(filePath, { force: true });
        if (token !== null) consoleLogger.warn('safeStorage is not available here: the session is kept in memory only');
        return;
      }
      writeFileSync(filePath, safeStorage.encryptString(token), { mode: 0o600 });
    },
  };
}
