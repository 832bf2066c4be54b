// Reads a CDP CPU profile (Profiler.stop) down to the functions that took the most self time.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** "123.4 ms  41.2%  applyTransaction (ag-grid-community.js:812)" for the `top` functions by self time. */
export function summarizeProfile(profile: CpuProfile, top: number): string[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalUs = 0;
  samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').at(-1) || '(native)';
    const key = `${frame.functionName || '(anonymous)'} (${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1})`;
    const delta = deltas[i] ?? 0;
    totalUs += delta;
    selfUs.set(key, (selfUs.get(key) ?? 0) + delta);
  });
  return [...selfUs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / Math.max(totalUs, 1)).toFixed(1).padStart(5)}%  ${key}`);
}
