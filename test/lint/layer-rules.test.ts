// The layer table of DESIGN.md section 2 is enforced by lint: a stray import fails `npm test`.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: repoRoot });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/layer-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it('fails when orchestration-core imports electron, react or the electron/ and renderer/ folders', async () => {
    expect(await layerErrors('orchestration-core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([
      'orchestration-core/ may not import the package "electron"',
    ]);
    expect(await layerErrors('orchestration-core/engine/x.ts', "import React from 'react';\nexport const a = React;\n")).toHaveLength(1);
    expect(await layerErrors('orchestration-core/engine/x.ts', "import { a } from '../../electron/main';\nexport const b = a;\n")).toEqual([
      'orchestration-core/ may not import from electron/ (layers: orchestration-core, shared)',
    ]);
    expect(await layerErrors('orchestration-core/x.ts', "export { a } from '../renderer/main';\n")).toHaveLength(1);
    expect(await layerErrors('orchestration-core/x.ts', "export const load = () => import('../simulator/gateway');\n")).toHaveLength(1);
  });

  it('lets each layer import what its row allows', async () => {
    expect(await layerErrors('orchestration-core/x.ts', "import { z } from 'zod';\nimport { parseEvent } from '../shared/events';\nimport Database from 'better-sqlite3';\nexport const a = [z, parseEvent, Database];\n")).toEqual([]);
    expect(await layerErrors('electron/x.ts', "import { createCore } from '../orchestration-core/host';\nexport const a = createCore;\n")).toEqual([]);
    expect(await layerErrors('renderer/x.ts', "import type { AppApi } from '../shared/api';\nexport type A = AppApi;\n")).toEqual([]);
  });

  it('keeps shared/ to zod, the renderer off Node and the simulator off the core', async () => {
    expect(await layerErrors('shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
    expect(await layerErrors('renderer/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
    expect(await layerErrors('renderer/x.ts', "import { createCore } from '../orchestration-core/host';\nexport const a = createCore;\n")).toHaveLength(1);
    expect(await layerErrors('simulator/x.ts', "import { openStore } from '../orchestration-core/store/open-store';\nexport const a = openStore;\n")).toHaveLength(1);
  });
});
