// The import graph of a folder's TypeScript files, read with the compiler's own pre-processor (every
// `import`, `import type`, `export … from` and `import()`), and the circles in it.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const resolution: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, allowJs: false };

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** file -> the files inside `folder` it imports (type-only imports included). */
export function importGraph(folder: string): Map<string, string[]> {
  const files = sourceFiles(folder);
  const inside = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.flatMap(({ fileName }) => {
      const resolved = ts.resolveModuleName(fileName, file, resolution, ts.sys).resolvedModule?.resolvedFileName;
      return resolved && inside.has(path.resolve(resolved)) ? [path.resolve(resolved)] : [];
    });
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The shortest way from `from` back to itself through `members`, as the files it passes. */
function shortestCircle(graph: Map<string, string[]>, from: string, members: ReadonlySet<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [from];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of graph.get(file) ?? []) {
      if (!members.has(next)) continue;
      if (next === from) {
        const circle = [file];
        for (let at = file; at !== from; ) circle.unshift((at = cameFrom.get(at)!));
        return [...circle, from];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return [from];
}

/**
 * Each group of files that import each other in a circle (a strongly connected component, Tarjan), as
 * one circle through its first file: `a.ts -> b.ts -> a.ts`, paths relative to `root`.
 */
export function importCircles(graph: Map<string, string[]>, root: string): string[] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[] = [];

  function visit(file: string): void {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const members: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      members.push(member);
    } while (member !== file);
    const importsItself = (graph.get(file) ?? []).includes(file);
    if (members.length === 1 && !importsItself) return;
    const first = members.sort()[0]!;
    circles.push(shortestCircle(graph, first, new Set(members)).map((f) => path.relative(root, f).split(path.sep).join('/')).join(' -> '));
  }

  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles.sort();
}
