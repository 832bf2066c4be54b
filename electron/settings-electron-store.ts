// Settings of the Electron host, kept with electron-store in the app's userData folder.
import ElectronStore from 'electron-store';
import type { Settings } from '../shared/settings';
import { loadSettingsFrom, settingsFileOptions } from './settings-parse';

export function loadSettingsFromElectronStore(): Settings {
  // electron-store reads the file as it is constructed: a file that is not JSON throws here, with its line and column.
  const store = new ElectronStore<Record<string, unknown>>({ name: 'settings', ...settingsFileOptions });
  return loadSettingsFrom(store);
}
