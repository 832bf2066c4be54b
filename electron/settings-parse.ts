// Both hosts keep settings in a JSON file (conf / electron-store) and read it through the one schema.
// A file that is not JSON, holds a key the schema does not know, or a bad value is refused, named to
// the line and column or the key's path, and left as it is.
import { retiredSettingsKeys, settingsSchema, type Settings } from '../shared/settings';
import type { Logger } from '../orchestration-core/core-ports';
import { consoleLogger } from './console-logger';
import { locateJsonSyntaxError } from './json-syntax-error';
import { describeSettingsProblems } from './settings-problems';

export class InvalidSettingsError extends Error {
  constructor(
    readonly filePath: string,
    readonly problems: string,
    readonly kind: 'fields' | 'json' = 'fields',
  ) {
    super(
      kind === 'json'
        ? `The settings in ${filePath} are not valid JSON: ${problems}. The file was left as it is: fix it, or remove it to start from the defaults.`
        : `The settings in ${filePath} are invalid: ${problems}. Fix or remove those fields; missing fields take their defaults.`,
    );
    this.name = 'InvalidSettingsError';
  }
}

/**
 * Reads the text of a settings file: one JSON object. Throws InvalidSettingsError with the line and
 * column of the first syntax error (and never the text around it, which may hold a token).
 */
export function parseSettingsJson(text: string, filePath: string): Record<string, unknown> {
  // An editor may save a byte order mark; it is not part of the JSON.
  const json = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    const found = locateJsonSyntaxError(json);
    throw new InvalidSettingsError(filePath, found ? `line ${found.line}, column ${found.column}: ${found.problem}` : 'the JSON parser refused it', 'json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidSettingsError(filePath, 'the file must hold one JSON object, { … }', 'json');
  }
  return value as Record<string, unknown>;
}

/**
 * conf's and electron-store's `deserialize` option. They call it as a method of the store, whose
 * `path` is the file being read; without one the message names "the settings file".
 */
export function deserializeSettings(this: { path?: unknown } | undefined, text: string): Record<string, unknown> {
  return parseSettingsJson(text, typeof this?.path === 'string' ? this.path : 'the settings file');
}

/** Parses stored settings, filling defaults; throws InvalidSettingsError naming each bad field and unknown key. */
export function parseStoredSettings(stored: unknown, filePath: string, logger: Logger = consoleLogger): Settings {
  const kept = { ...(stored as Record<string, unknown> | null | undefined) };
  for (const key of retiredSettingsKeys) {
    if (!(key in kept)) continue;
    logger.warn(`Settings: "${key}" is ignored; who uses the app and in which role is what the gateway says at sign-in`, { file: filePath, key, value: String(kept[key]) });
    delete kept[key];
  }
  const parsed = settingsSchema.safeParse(kept);
  if (!parsed.success) throw new InvalidSettingsError(filePath, describeSettingsProblems(parsed.error, settingsSchema));
  return parsed.data;
}

/** A store the two libraries have in common: conf's API, which electron-store extends. */
/** The settings as read, and the file they came from (the audit trail names it when one changes). */
export interface LoadedSettings {
  values: Settings;
  source: string;
}

export interface SettingsFile {
  readonly path: string;
  store: Record<string, unknown>;
}

/**
 * What both libraries must be given so that a file the user got wrong is reported, never reset:
 * our parser (line and column), and no clearing of a file that fails to read.
 */
export const settingsFileOptions = { deserialize: deserializeSettings, clearInvalidConfig: false } as const;

/**
 * Reads the settings; on first launch writes the defaults back so there is a file to edit. An invalid
 * file is left as it is: overwriting it would destroy what the user meant to write. A valid one that
 * still holds a retired key (user, role) is written back without it.
 */
export function loadSettingsFrom(file: SettingsFile): LoadedSettings {
  const stored = file.store;
  const settings = parseStoredSettings(stored, file.path);
  if (Object.keys(stored).length === 0) file.store = settings;
  else if (retiredSettingsKeys.some((key) => key in stored)) {
    // Migrated: the keys no longer read leave the file, the rest stays as the user wrote it.
    file.store = Object.fromEntries(Object.entries(stored).filter(([key]) => !(retiredSettingsKeys as readonly string[]).includes(key)));
  }
  return { values: settings, source: file.path };
}
