// ESLint rule that keeps the layers of DESIGN.md section 2: each top-level folder may import only
// from the folders and packages its row allows. Relative imports are resolved, so "../../electron/x"
// is caught as well as a bare "electron".
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** folder -> folders it may import from, and packages it must never import. */
export const layerTable = {
  shared: { folders: ['shared'], forbiddenPackages: ['*'], allowedPackages: ['zod'] },
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
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const layer = layerOf(file);
    if (!layer) return {};
    const rule = layerTable[layer];
    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.')) {
        const target = layerOf(path.resolve(path.dirname(file), specifier));
        const targetFolder = path.relative(repoRoot, path.resolve(path.dirname(file), specifier)).split(path.sep)[0];
        if (target && !rule.folders.includes(target)) {
          context.report({ node, messageId: 'folder', data: { layer, target, allowed: rule.folders.join(', ') } });
        } else if (!target && targetFolder !== layer) {
          context.report({ node, messageId: 'folder', data: { layer, target: targetFolder, allowed: rule.folders.join(', ') } });
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
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'layer-imports': layerImportsRule } };
