import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

const BUILT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Serves the web app on the API's own port, so one origin carries pages, REST and sockets. The
 * app routes /agent, /supervisor and /supervisor/kb itself; those paths get its index page.
 */
const web: FastifyPluginAsync<{ root?: string }> = async (app, options) => {
  const root = options.root ?? BUILT;
  if (!existsSync(root)) {
    app.log.warn({ root }, 'web root missing (npm run web:build); pages are not served');
    return;
  }
  await app.register(fastifyStatic, { root, index: ['index.html'], wildcard: false });
  for (const page of ['/agent', '/supervisor', '/supervisor/kb'])
    app.get(page, { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
};

export default web;
