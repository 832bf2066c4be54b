// Types of the layer rule's tables, for the lint tests that read them.
import type { Rule } from 'eslint';

export type CoreLayer = 'ports' | 'model' | 'store' | 'analysis' | 'engine' | 'projections' | 'workflows' | 'connectors' | 'services' | 'host';

export const layerTable: Record<string, { folders: string[]; forbiddenPackages: string[]; allowedPackages?: string[]; forbidNodeBuiltins?: boolean }>;
export const coreLayerTable: Record<CoreLayer, { files?: string[]; imports: CoreLayer[] }>;
export const layerImportsRule: Rule.RuleModule;
declare const plugin: { rules: { 'layer-imports': Rule.RuleModule } };
export default plugin;
