// Collects what a transaction changed that the renderer shows, to be pushed only after the commit.
export function createChangeTracker() {
  let lots = new Set<string>();
  return {
    lotChanged(lotId: string): void {
      lots.add(lotId);
    },
    /** The changes since the last take; call after commit. */
    take(): string[] {
      const taken = [...lots];
      lots = new Set();
      return taken;
    },
    /** Forget changes of a transaction that rolled back. */
    discard(): void {
      lots = new Set();
    },
  };
}
export type ChangeTracker = ReturnType<typeof createChangeTracker>;
