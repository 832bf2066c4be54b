// Settings of the Electron host, kept with electron-store in the app's userData folder.
import ElectronStore from 'electron-store';
import type { Settings } from '../shared/settings';
import { loadSettingsFrom } from './settings-parse';

export function loadSettingsFromElectronStore(): Settings {
  const store = new ElectronStore<Record<string, unknown>>({ name: 'settings' });
  return loadSettingsFrom(store);
}
