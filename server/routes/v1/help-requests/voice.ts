import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LifelineError } from '../../../../core/errors/LifelineError.js';
import { IdParams, VoiceAccepted } from '../../../../core/protocol/helpRequests.js';
import { VOICE_CONTENT_TYPES } from '../../../../core/protocol/vocabulary.js';
import { ErrorBody } from '../../../../core/protocol/domain.js';

/** The uploaded bytes. A request without a body reaches no parser, so it is refused here. */
function recording(body: unknown): Buffer {
  if (Buffer.isBuffer(body) && body.length > 0) return body;
  throw new LifelineError('LIFELINE_VALIDATION', 'The body must be the recorded audio');
}

const voice: FastifyPluginAsyncTypebox = async (app) => {
  const { config, voice: service } = app.lifeline;
  // Scoped to this plugin: only raw audio bytes, up to the voice limit rather than the JSON
  // limit. The app's JSON parser is dropped here, so any other body is a 415 before it is read.
  app.removeAllContentTypeParsers();
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
        description: `Raw audio body (${VOICE_CONTENT_TYPES.join(', ')}), at most VOICE_MAX_BYTES and VOICE_MAX_SECONDS; another content type is 415 LIFELINE_UNSUPPORTED_MEDIA_TYPE, an empty body 400 LIFELINE_VALIDATION. Repeat uploads return the same job.`,
        params: IdParams,
        response: {
          202: VoiceAccepted,
          400: ErrorBody,
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
        recording(request.body),
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
        description:
          'The voice message, with the conversation’s rights: the request’s user, the agent offered or serving it, supervisors',
      },
    },
    async (request, reply) => {
      const { bytes, contentType } = await service.playback(request.principal!, request.params.id);
      return reply.type(contentType).header('cache-control', 'private, no-store').send(bytes);
    },
  );
};

export default voice;
