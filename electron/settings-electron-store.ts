// Settings of the Electron host, kept with electron-store in the app's userData folder.
import ElectronStore from 'electron-store';
import { loadSettingsFrom, settingsFileOptions, type LoadedSettings } from './settings-parse';

export function loadSettingsFromElectronStore(): LoadedSettings {
  // electron-store reads the file as it is constructed: a file that is not JSON throws here, with its line and column.
  const store = new ElectronStore<Record<string, unknown>>({ name: 'settings', ...settingsFileOptions });
  return loadSettingsFrom(store);
}
