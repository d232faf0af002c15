import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../core/protocol/domain.js';

/**
 * LiveKit's webhook. The signature covers the exact bytes sent, so this plugin keeps the body as
 * a raw string (its parsers are scoped to it) and verifies before reading anything.
 */
const livekitWebhook: FastifyPluginAsyncTypebox = async (app) => {
  const asRawString = { parseAs: 'string' as const };
  app.addContentTypeParser(
    ['application/webhook+json', 'application/json'],
    asRawString,
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/v1/livekit/webhook',
    {
      schema: {
        tags: ['livekit'],
        description: 'Signed by LiveKit (Authorization: a JWT whose sha256 claim is the body hash)',
        body: Type.String(),
        response: { 200: Type.Object({ ok: Type.Boolean(), handled: Type.Boolean() }), 401: ErrorBody },
      },
    },
    async (request) => {
      const { media, sessions } = app.lifeline;
      const event = await media.receiveWebhook(request.body, request.headers.authorization);
      return { ok: true, handled: await sessions.onMediaEvent(event) };
    },
  );
};

export default livekitWebhook;
