// ESLint rule that keeps the layers of DESIGN.md section 2: each top-level folder may import only
// from the folders and packages its row allows, and inside orchestration-core each folder only from the
// core layers below it (coreLayerTable). Relative imports are resolved, so "../../electron/x" is caught
// as well as a bare "electron".
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const coreRoot = path.join(repoRoot, 'orchestration-core');

/** folder -> folders it may import from, and packages it must never import. */
export const layerTable = {
  // jose: both sides verify the gateway's session tokens with the same code (shared/auth/verify-session.ts).
  shared: { folders: ['shared'], forbiddenPackages: ['*'], allowedPackages: ['zod', 'jose'] },
  'orchestration-core': {
    folders: ['orchestration-core', 'shared'],
    forbiddenPackages: ['electron', 'react', 'react-dom', 'ag-grid-community', 'ag-grid-react', 'zustand'],
  },
  simulator: { folders: ['simulator', 'shared'], forbiddenPackages: ['electron', 'react', 'react-dom'] },
  electron: { folders: ['electron', 'orchestration-core', 'shared', 'simulator'], forbiddenPackages: ['react', 'react-dom'] },
  renderer: {
    folders: ['renderer', 'shared'],
    forbiddenPackages: ['electron', 'better-sqlite3', 'socket.io', 'socket.io-client', 'ws', 'conf', 'electron-store'],
    forbidNodeBuiltins: true,
  },
};

/**
 * The layers inside orchestration-core, lowest first, as VS Code's code-layering rule keeps its own:
 * a file may import its own layer, shared/ (the top-level row above) and the core layers its row lists,
 * never one above it. A folder missing here is reported, so a new one gets its place.
 *
 *   ports        core-ports.ts, core-defaults.ts, event-bus.ts: the clock, the logger, the event bus
 *   model/       the canonical domain: types and pure functions on them (lots, plan changes, impact)
 *   store/       tables and rows: migrations, repositories, inbox, outbox, audit; SQL lives only here
 *   analysis/    the plan index, impact, rebalancing: computes on the model, reads no table
 *   engine/      instances, waits, timers, commands; knows no workflow
 *   projections/ what events and replies write into the cache (lots, planning, exceptions, line stops)
 *   workflows/   one definition per trigger
 *   connectors/  the gateway sync: ingest, outbox push, replies
 *   services/    API handlers and background services
 *   host         host.ts, core-types.ts (and any root file not named here): createCore and the core's
 *                shape as its hosts see it
 */
/** Packages only some core layers may import; every other core layer is refused them. */
const corePackagesOwned = new Set(['better-sqlite3']);

export const coreLayerTable = {
  ports: { files: ['core-ports.ts', 'core-defaults.ts', 'event-bus.ts'], imports: [] },
  model: { imports: ['ports'] },
  // SQL lives only here: the only core layer that may import the database driver.
  store: { imports: ['ports', 'model'], packages: ['better-sqlite3'] },
  analysis: { imports: ['ports', 'model'] },
  engine: { imports: ['ports', 'model', 'store'] },
  projections: { imports: ['ports', 'model', 'store', 'analysis', 'engine'] },
  workflows: { imports: ['ports', 'model', 'store', 'analysis', 'engine', 'projections'] },
  connectors: { imports: ['ports', 'model', 'store', 'engine', 'projections'] },
  services: { imports: ['ports', 'model', 'store', 'analysis', 'engine', 'projections', 'workflows', 'connectors'] },
  host: { files: ['host.ts', 'core-types.ts'], imports: ['ports', 'model', 'store', 'analysis', 'engine', 'projections', 'workflows', 'connectors', 'services'], packages: ['better-sqlite3'] },
};

const coreLayerOfRootFile = new Map(Object.entries(coreLayerTable).flatMap(([name, row]) => (row.files ?? []).map((file) => [file, name])));

const isFolderLayer = (name) => Object.hasOwn(coreLayerTable, name) && !coreLayerTable[name].files;

/** A path inside orchestration-core as a folder under it, or a file at its root ("./host" is host.ts). */
function corePlace(target) {
  const [first, ...rest] = path.relative(coreRoot, target).split(path.sep);
  // "./workflows" from host.ts names the folder's index.
  if (rest.length > 0 || isFolderLayer(first)) return { folder: first };
  return { rootFile: first.endsWith('.ts') ? first : `${first}.ts` };
}

/**
 * The core layer of a file or module path inside orchestration-core; null for a folder the table has
 * no row for. A root file it does not name sits with host.ts: it may import every layer, none imports it.
 */
function coreLayerOf(target) {
  const place = corePlace(target);
  if (place.folder) return isFolderLayer(place.folder) ? place.folder : null;
  return coreLayerOfRootFile.get(place.rootFile) ?? 'host';
}

/** Where a core layer lives, as the messages name it. */
function coreLayerPaths(name) {
  const row = coreLayerTable[name];
  return row.files ? row.files.map((file) => `orchestration-core/${file}`) : [`orchestration-core/${name}/`];
}

/** How a path inside the core is named in a message: its folder, or the root file. */
function coreTargetName(target) {
  const place = corePlace(target);
  return place.folder ? `orchestration-core/${place.folder}/` : `orchestration-core/${place.rootFile}`;
}

function layerOf(file) {
  const relative = path.relative(repoRoot, file).split(path.sep);
  return relative.length > 1 && Object.hasOwn(layerTable, relative[0]) ? relative[0] : null;
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export const layerImportsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports flowing one way between the layers of DESIGN.md' },
    messages: {
      folder: '{{layer}}/ may not import from {{target}}/ (layers: {{allowed}})',
      package: '{{layer}}/ may not import the package "{{name}}"',
      coreLayer: '{{file}} may not import from {{target}} (allowed: {{allowed}})',
      coreUnplaced: '{{place}} has no row in the core\'s layer table (coreLayerTable in build/lint/layer-imports.js)',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const layer = layerOf(file);
    if (!layer) return {};
    const rule = layerTable[layer];
    const coreLayer = layer === 'orchestration-core' ? coreLayerOf(file) : null;
    const relativeFile = path.relative(repoRoot, file).split(path.sep).join('/');

    function checkCoreLayers(node, target) {
      // A folder without a row is reported once, on the file (see Program below).
      if (!coreLayer) return;
      const targetLayer = coreLayerOf(target);
      if (!targetLayer) {
        context.report({ node, messageId: 'coreUnplaced', data: { place: coreTargetName(target) } });
        return;
      }
      const allowedLayers = coreLayerTable[coreLayer].imports;
      if (targetLayer === coreLayer || allowedLayers.includes(targetLayer)) return;
      const allowed = [...allowedLayers.flatMap(coreLayerPaths), 'shared/'].join(', ');
      context.report({ node, messageId: 'coreLayer', data: { file: relativeFile, target: coreTargetName(target), allowed } });
    }

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.')) {
        const target = layerOf(path.resolve(path.dirname(file), specifier));
        const targetFolder = path.relative(repoRoot, path.resolve(path.dirname(file), specifier)).split(path.sep)[0];
        if (target && !rule.folders.includes(target)) {
          context.report({ node, messageId: 'folder', data: { layer, target, allowed: rule.folders.join(', ') } });
        } else if (!target && targetFolder !== layer) {
          context.report({ node, messageId: 'folder', data: { layer, target: targetFolder, allowed: rule.folders.join(', ') } });
        } else if (layer === 'orchestration-core' && target === 'orchestration-core') {
          checkCoreLayers(node, path.resolve(path.dirname(file), specifier));
        }
        return;
      }
      const name = packageName(specifier);
      const isBuiltin = specifier.startsWith('node:');
      const forbidden =
        (rule.forbiddenPackages.includes('*') && !(rule.allowedPackages ?? []).includes(name)) ||
        rule.forbiddenPackages.includes(name) ||
        (rule.forbidNodeBuiltins && isBuiltin);
      if (forbidden) context.report({ node, messageId: 'package', data: { layer, name } });
      else if (coreLayer && corePackagesOwned.has(name) && !(coreLayerTable[coreLayer].packages ?? []).includes(name)) {
        context.report({ node, messageId: 'package', data: { layer: relativeFile.replace(/\/[^/]+$/, ''), name } });
      }
    }
    return {
      Program: (node) => {
        if (layer === 'orchestration-core' && !coreLayer && corePlace(file).folder) context.report({ node, messageId: 'coreUnplaced', data: { place: coreTargetName(file) } });
      },
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'layer-imports': layerImportsRule } };
