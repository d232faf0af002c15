import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, VoiceAccepted } from '../../../../core/protocol/helpRequests.js';
import { VOICE_CONTENT_TYPES } from '../../../../core/protocol/vocabulary.js';
import { ErrorBody } from '../../../../core/protocol/domain.js';

const voice: FastifyPluginAsyncTypebox = async (app) => {
  const { config, voice: service } = app.lifeline;
  // Scoped to this plugin: the raw audio bytes, up to the voice limit rather than the JSON limit.
  app.addContentTypeParser(
    [...VOICE_CONTENT_TYPES],
    { parseAs: 'buffer', bodyLimit: config.voice.maxBytes },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/v1/help-requests/:id/voice',
    {
      onRequest: app.requirePrincipal,
      bodyLimit: config.voice.maxBytes,
      schema: {
        tags: ['voice'],
        security: [{ lifelineToken: [] }],
        description: `Raw audio body (${VOICE_CONTENT_TYPES.join(', ')}), at most VOICE_MAX_BYTES and VOICE_MAX_SECONDS. Repeat uploads return the same job.`,
        params: IdParams,
        response: {
          202: VoiceAccepted,
          401: ErrorBody,
          403: ErrorBody,
          409: ErrorBody,
          413: ErrorBody,
          415: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const result = await service.upload(
        request.principal!,
        request.params.id,
        contentType,
        request.body as Buffer,
      );
      return reply.code(202).send(result);
    },
  );

  app.get(
    '/v1/help-requests/:id/voice',
    {
      onRequest: app.requirePrincipal,
      schema: {
        tags: ['voice'],
        security: [{ lifelineToken: [] }],
        params: IdParams,
        description: 'The voice message, for the agent offered or serving the request',
      },
    },
    async (request, reply) => {
      const { bytes, contentType } = await service.playback(request.principal!, request.params.id);
      return reply.type(contentType).header('cache-control', 'private, no-store').send(bytes);
    },
  );
};

export default voice;
