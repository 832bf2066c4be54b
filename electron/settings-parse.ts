// Both hosts keep settings in a JSON file (conf / electron-store) and read it through the one schema.
import { settingsSchema, type Settings } from '../shared/settings';
import { describeZodError } from '../shared/describe-error';

export class InvalidSettingsError extends Error {
  constructor(
    readonly filePath: string,
    readonly problems: string,
  ) {
    super(`The settings in ${filePath} are invalid: ${problems}. Fix or remove those fields; missing fields take their defaults.`);
    this.name = 'InvalidSettingsError';
  }
}

/** Parses stored settings, filling defaults; throws InvalidSettingsError naming each bad field. */
export function parseStoredSettings(stored: unknown, filePath: string): Settings {
  const parsed = settingsSchema.safeParse(stored ?? {});
  if (!parsed.success) throw new InvalidSettingsError(filePath, describeZodError(parsed.error));
  return parsed.data;
}

/** A store the two libraries have in common: conf's API, which electron-store extends. */
export interface SettingsFile {
  readonly path: string;
  store: Record<string, unknown>;
}

/**
 * Reads the settings; on first launch writes the defaults back so there is a file to edit. An invalid
 * file is left as it is: overwriting it would destroy what the user meant to write.
 */
export function loadSettingsFrom(file: SettingsFile): Settings {
  const stored = file.store;
  const settings = parseStoredSettings(stored, file.path);
  if (Object.keys(stored).length === 0) file.store = settings;
  return settings;
}
