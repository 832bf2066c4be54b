// Settings of the plain-Node host, kept with conf (the library electron-store is built on).
import Conf from 'conf';
import { loadSettingsFrom, settingsFileOptions, type LoadedSettings } from './settings-parse';

export interface ConfSettingsOptions {
  /** Folder of the settings file; default: env PLANT_ORCHESTRATOR_CONFIG_DIR, else the OS config folder. */
  cwd?: string;
}

export function loadSettingsFromConf(options: ConfSettingsOptions = {}): LoadedSettings {
  const cwd = options.cwd ?? process.env['PLANT_ORCHESTRATOR_CONFIG_DIR'];
  // conf reads the file as it is constructed: a file that is not JSON throws here, with its line and column.
  const conf = new Conf<Record<string, unknown>>({ projectName: 'plant-orchestrator', ...settingsFileOptions, ...(cwd ? { cwd } : {}) });
  return loadSettingsFrom(conf);
}
