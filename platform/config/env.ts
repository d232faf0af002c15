import { homedir } from 'node:os';
import { join } from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { Type, type Static, type TObject } from '@sinclair/typebox';

/** Every problem found in the environment, listed at once so an operator fixes them in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** The exit code entry points use for a configuration error (EX_CONFIG). */
export const EXIT_CONFIG_ERROR = 78;

export type EnvSource = Record<string, string | undefined>;

/** Picks the schema's variables from the source, applies defaults, converts and validates them. */
export function parseEnv<T extends TObject>(schema: T, source: EnvSource): Static<T> {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties))
    if (source[key] !== undefined && source[key] !== '') picked[key] = source[key];
  const converted = Value.Convert(schema, Value.Default(schema, picked));
  const problems = [...Value.Errors(schema, converted)].map((e) => `${e.path.slice(1)}: ${e.message}`);
  if (problems.length > 0) throw new ConfigError(problems);
  return converted as Static<T>;
}

/** For entry points: the configuration, or undefined after printing every problem (exit 78 then). */
export function loadAtStart<C>(load: (source: EnvSource) => C, source: EnvSource): C | undefined {
  try {
    return load(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return undefined;
  }
}

/** Where scripts/setup caches what it builds (LIFELINE_CACHE_DIR, else the XDG cache). */
export function cacheDir(source: EnvSource): string {
  return source.LIFELINE_CACHE_DIR ?? join(source.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'lifeline');
}

/** An integer setting with its default and its allowed range. */
export const Int = (def: number, min: number, max: number, description: string) =>
  Type.Integer({ default: def, minimum: min, maximum: max, description });
