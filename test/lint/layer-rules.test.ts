// The layer table of DESIGN.md section 2 is enforced by lint: a stray import fails `npm test`.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { coreLayerTable, type CoreLayer } from '../../build/lint/layer-imports.js';

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

  it('fails when a core folder imports one above it: a store importing analysis, an engine importing a workflow', async () => {
    expect(await layerErrors('orchestration-core/store/x.ts', "import { planImpact } from '../analysis/impact';\nexport const a = planImpact;\n")).toEqual([
      'orchestration-core/store/x.ts may not import from orchestration-core/analysis/ (allowed: orchestration-core/core-ports.ts, orchestration-core/core-defaults.ts, orchestration-core/event-bus.ts, orchestration-core/model/, shared/)',
    ]);
    expect(await layerErrors('orchestration-core/engine/x.ts', "import type { Workflow } from '../workflows/inspection-failed';\nexport type A = Workflow;\n")).toEqual([
      'orchestration-core/engine/x.ts may not import from orchestration-core/workflows/ (allowed: orchestration-core/core-ports.ts, orchestration-core/core-defaults.ts, orchestration-core/event-bus.ts, orchestration-core/model/, orchestration-core/store/, shared/)',
    ]);
    expect(await layerErrors('orchestration-core/model/x.ts', "export { projectEvent } from '../projections/lot-projection';\n")).toHaveLength(1);
    expect(await layerErrors('orchestration-core/analysis/rebalancing/x.ts', "export const load = () => import('../../store/open-store');\n")).toHaveLength(1);
    expect(await layerErrors('orchestration-core/services/x.ts', "import { createCore } from '../host';\nexport const a = createCore;\n")).toEqual([
      expect.stringMatching(/^orchestration-core\/services\/x\.ts may not import from orchestration-core\/host\.ts \(allowed: /),
    ]);
  });

  it('lets a core folder import its own layer and the ones its row lists', async () => {
    expect(await layerErrors('orchestration-core/store/x.ts', "import type { Impact } from '../model/impact';\nimport { openStore } from './open-store';\nexport const a: [Impact?, typeof openStore?] = [];\n")).toEqual([]);
    expect(await layerErrors('orchestration-core/workflows/x.ts', "import { defineWorkflow } from '../engine/workflow';\nimport { planImpact } from '../analysis/impact';\nimport { applyAnswerHeard } from '../projections/exception-answer-projection';\nexport const a = [defineWorkflow, planImpact, applyAnswerHeard];\n")).toEqual([]);
    expect(await layerErrors('orchestration-core/engine/x.ts', "import type { Clock } from '../core-ports';\nexport type A = Clock;\n")).toEqual([]);
    expect(await layerErrors('orchestration-core/host.ts', "import { workflows } from './workflows';\nimport { createImpactHandlers } from './services/impact-handlers';\nexport const a = [workflows, createImpactHandlers];\n")).toEqual([]);
  });

  it('keeps SQL in store/: no other core folder imports the database driver', async () => {
    expect(await layerErrors('orchestration-core/services/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toEqual([
      'orchestration-core/services/ may not import the package "better-sqlite3"',
    ]);
    expect(await layerErrors('orchestration-core/workflows/line-stop/x.ts', "import type Database from 'better-sqlite3';\nexport type A = Database.Database;\n")).toHaveLength(1);
    expect(await layerErrors('orchestration-core/store/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toEqual([]);
  });

  it('counts a feature folder inside a layer as that layer: workflows/line-stop/ imports what workflows/ may, and nothing above', async () => {
    expect(await layerErrors('orchestration-core/workflows/line-stop/x.ts', "import { defineWorkflow } from '../../engine/workflow';\nimport { answeredElsewhere } from '../exception-answering';\nimport type { LineStopRecords } from '../../projections/line-stop-records';\nexport const a: [typeof defineWorkflow, typeof answeredElsewhere, LineStopRecords?] = [defineWorkflow, answeredElsewhere];\n")).toEqual([]);
    expect(await layerErrors('orchestration-core/workflows/line-stop/x.ts', "import { createRerouteHandler } from '../../services/reroute-handler';\nexport const a = createRerouteHandler;\n")).toHaveLength(1);
    expect(await layerErrors('orchestration-core/projections/x.ts', "import { writeLineStop } from '../workflows/line-stop/record';\nexport const a = writeLineStop;\n")).toHaveLength(1);
  });

  it('asks for a row when the core grows a folder the table does not place', async () => {
    expect(await layerErrors('orchestration-core/widgets/x.ts', 'export const a = 1;\n')).toEqual([
      "orchestration-core/widgets/ has no row in the core's layer table (coreLayerTable in build/lint/layer-imports.js)",
    ]);
  });

  it('orders the core layers: a row names only layers listed before it, so no two layers import each other', () => {
    const names = Object.keys(coreLayerTable);
    for (const [i, name] of names.entries()) {
      const row = coreLayerTable[name as CoreLayer];
      expect(row.imports.filter((below) => names.indexOf(below) === -1 || names.indexOf(below) >= i), name).toEqual([]);
    }
  });
});
