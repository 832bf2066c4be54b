// Exponential backoff with full jitter, so many clients coming back at once do not retry in step.
export function createBackoff(options: { initialMs: number; maxMs: number; random?: () => number }) {
  const random = options.random ?? Math.random;
  let attempt = 0;
  return {
    next(): number {
      const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** attempt);
      attempt++;
      return Math.round(ceiling / 2 + (random() * ceiling) / 2);
    },
    reset(): void {
      attempt = 0;
    },
  };
}
