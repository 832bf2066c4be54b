// For end-to-end tests of what happens when time passes (a sign-in running out on the floor, an SLA
// passing): a web host's or the simulator's clock, shifted by the milliseconds a file holds, read again
// at most every 200 ms. A person who could set this could set the machine's clock as well; the gateway
// judges decisions by its own.
import { readFileSync } from 'node:fs';

export function shiftedClock(filePath: string): { now(): Date } {
  let offset = 0;
  let readAt = 0;
  return {
    now() {
      const wall = Date.now();
      if (wall - readAt > 200) {
        readAt = wall;
        try {
          const value = Number(readFileSync(filePath, 'utf8').trim());
          offset = Number.isFinite(value) ? value : 0;
        } catch {
          offset = 0;
        }
      }
      return new Date(wall + offset);
    },
  };
}
