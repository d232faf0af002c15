import { EnvSchema } from './schema.js';

export const README_ENV_START = '<!-- env-table:start (npm run docs:env) -->';
export const README_ENV_END = '<!-- env-table:end -->';

const SECRETS = new Set(['LIFELINE_ADMIN_TOKEN', 'LIFELINE_SECRET', 'LIFELINE_PLATFORM_SECRET']);

/** The README's table of environment variables, from the one schema that validates them. */
export function envTableMarkdown(): string {
  const rows = Object.entries(EnvSchema.properties).map(([name, schema]) => {
    const s = schema as { default?: unknown; description?: string; minimum?: number; maximum?: number };
    const fallback = SECRETS.has(name)
      ? 'generated in development; required in production'
      : s.default === undefined
        ? '—'
        : `\`${String(s.default)}\``;
    const range = s.minimum !== undefined && s.maximum !== undefined ? ` (${s.minimum}–${s.maximum})` : '';
    return `| \`${name}\` | ${fallback} | ${s.description ?? ''}${range} |`;
  });
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
