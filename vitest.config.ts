import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The web app's alias for core, so its unit tests resolve what Vite resolves. */
const alias = { '@lifeline/core': fileURLToPath(new URL('./core', import.meta.url)) };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['{core,platform,server,media,worker,scripts,web}/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          // One file at a time: Chromium, whisper.cpp workers and LiveKit share two cores, and
          // timing assertions should measure the system, not the neighbours.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          hookTimeout: 60_000,
          // Files share one LiveKit server; each uses its own Redis key prefix.
        },
      },
    ],
  },
});
