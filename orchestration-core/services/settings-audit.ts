// The settings a workstation runs with, in its audit trail: at every start the core compares what the
// host read from its settings file with what it ran with last time, and appends one entry per value
// that changed (a threshold lowered, a gateway moved, a deviation pattern loosened) with the value
// before and after. A connector's token is never written: only that it changed, and a short
// fingerprint to tell two tokens apart.
import { createHash } from 'node:crypto';
import type { Settings } from '../../shared/settings';
import type { Repos } from '../store/repos';

type Flat = Record<string, string | number | boolean | null>;

const fingerprint = (secret: string): string => `sha256:${createHash('sha256').update(secret).digest('hex').slice(0, 12)}`;

/** Each setting under its path ("thresholds.minimumYield", "connectors.erp.url"); connectors by id, their tokens as fingerprints. */
export function flattenSettings(settings: Settings): Flat {
  const flat: Flat = {
    plant: settings.plant,
    'thresholds.minimumYield': settings.thresholds.minimumYield,
    'thresholds.transferApprovalValue': settings.thresholds.transferApprovalValue,
    'quality.deviationNumberPattern': settings.quality.deviationNumberPattern,
    'ui.density': settings.ui.density,
  };
  for (const connector of settings.connectors) {
    const at = `connectors.${connector.id}`;
    flat[`${at}.kind`] = connector.kind;
    flat[`${at}.url`] = connector.url;
    flat[`${at}.token`] = fingerprint(connector.token);
    flat[`${at}.streams`] = connector.streams.join(',');
  }
  return flat;
}

/** Appends `setting changed` for every value that differs from the last start (the first start records them all once). */
export function auditSettings(repos: Pick<Repos, 'audit' | 'workstation'>, settings: Settings, source: string, at: string): number {
  const now = flattenSettings(settings);
  const keptJson = repos.workstation.get('settings');
  const kept: Flat | null = keptJson === null ? null : (JSON.parse(keptJson) as Flat);
  if (kept === null) {
    repos.audit.append({ at, actor: 'system', action: 'settings recorded', subject: 'settings', detail: { source, settings: now }, correlationId: 'settings' });
    repos.workstation.set('settings', JSON.stringify(now), at);
    return 1;
  }
  const keys = [...new Set([...Object.keys(kept), ...Object.keys(now)])].sort();
  let changed = 0;
  for (const key of keys) {
    const before = kept[key] ?? null;
    const after = now[key] ?? null;
    if (before === after) continue;
    repos.audit.append({ at, actor: 'system', action: 'setting changed', subject: key, detail: { source, key, from: before, to: after }, correlationId: 'settings' });
    changed += 1;
  }
  if (changed > 0) repos.workstation.set('settings', JSON.stringify(now), at);
  return changed;
}
