import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the web app into web/dist, which the API serves on its own port. `vite` alone proxies to it. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  esbuild: { jsx: 'automatic' },
  // The protocol the server validates with; web/tsconfig.json maps the same prefix for tsc.
  resolve: { alias: { '@lifeline/core': fileURLToPath(new URL('../core', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    proxy: { '/v1': { target: 'http://127.0.0.1:3000', ws: true }, '/readyz': 'http://127.0.0.1:3000' },
  },
});
