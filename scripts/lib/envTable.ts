import { SHARED_ENV } from '../../platform/config/shared.js';
import { API_ENV } from '../../server/config/schema.js';
import { WORKER_ENV } from '../../worker/config.js';

export const README_ENV_START = '<!-- env-table:start (npm run docs:env) -->';
export const README_ENV_END = '<!-- env-table:end -->';

const SECRETS = new Set(['LIFELINE_ADMIN_TOKEN', 'LIFELINE_SECRET', 'LIFELINE_PLATFORM_SECRET']);

/** The README's table of environment variables, from the schemas that validate them in each process. */
export function envTableMarkdown(): string {
  const readers = (name: string) =>
    name in SHARED_ENV ? 'API, worker' : name in WORKER_ENV ? 'worker' : 'API';
  const all = { ...SHARED_ENV, ...API_ENV, ...WORKER_ENV };
  const rows = Object.entries(all).map(([name, schema]) => {
    const s = schema as { default?: unknown; description?: string; minimum?: number; maximum?: number };
    const fallback = SECRETS.has(name)
      ? 'generated in development; required in production'
      : s.default === undefined
        ? '—'
        : `\`${String(s.default)}\``;
    const range = s.minimum !== undefined && s.maximum !== undefined ? ` (${s.minimum}–${s.maximum})` : '';
    return `| \`${name}\` | ${readers(name)} | ${fallback} | ${s.description ?? ''}${range} |`;
  });
  return ['| variable | read by | default | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
