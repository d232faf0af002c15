import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

const DEFAULT_ROOT = fileURLToPath(new URL('../../web/public', import.meta.url));

/** Serves the web app on the API's own port, so one origin carries pages, REST and sockets. */
const web: FastifyPluginAsync<{ root?: string }> = async (app, { root = DEFAULT_ROOT }) => {
  if (!existsSync(root)) {
    app.log.warn({ root }, 'web root missing; pages are not served');
    return;
  }
  await app.register(fastifyStatic, { root, index: ['index.html'], wildcard: false });
};

export default web;
