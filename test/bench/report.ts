// How every benchmark prints a figure: value, unit, target and the ratio (>= 1 meets the target).

export function report(name: string, value: number, unit: string, target: number, higherIsBetter: boolean): void {
  // A lower-is-better figure of 0 (no long task at all) meets its target with no finite ratio.
  const ratio = higherIsBetter ? value / target : value === 0 ? Number.POSITIVE_INFINITY : target / value;
  const verdict = ratio >= 1 ? 'meets' : 'MISSES';
  const shownRatio = Number.isFinite(ratio) ? ratio.toFixed(2) : '∞';
  console.log(`${name.padEnd(52)} ${value.toFixed(1).padStart(10)} ${unit.padEnd(11)} target ${String(target).padStart(6)}  ratio ${shownRatio.padStart(6)}  ${verdict}`);
}

/** A figure without a target, printed in the same columns. */
export function figure(name: string, value: number, unit: string): void {
  console.log(`${name.padEnd(52)} ${value.toFixed(1).padStart(10)} ${unit}`);
}

export const heapMb = () => process.memoryUsage().heapUsed / 2 ** 20;

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/** What `run` returns and how long it took, in ms. */
export function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}
