import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LifelineError } from '../../../../core/errors/LifelineError.js';
import { ErrorBody } from '../../../../core/protocol/domain.js';
import { IdParams, VideoAccepted } from '../../../../core/protocol/helpRequests.js';
import { VIDEO_CONTENT_TYPES } from '../../../../core/protocol/vocabulary.js';

/** The uploaded bytes. A request without a body reaches no parser, so it is refused here. */
function clip(body: unknown): Buffer {
  if (Buffer.isBuffer(body) && body.length > 0) return body;
  throw new LifelineError('LIFELINE_VALIDATION', 'The body must be the recorded video');
}

const video: FastifyPluginAsyncTypebox = async (app) => {
  const { config, video: service } = app.lifeline;
  // Scoped to this plugin, as for voice: only raw video bytes, up to the video limit; any other
  // body (JSON included) is a 415 before it is read.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    [...VIDEO_CONTENT_TYPES],
    { parseAs: 'buffer', bodyLimit: config.video.maxBytes },
    (_request, body, done) => done(null, body),
  );
  const read = (description: string) => ({
    onRequest: app.requirePrincipal,
    schema: { tags: ['video'], security: [{ lifelineToken: [] }], params: IdParams, description },
  });

  app.post(
    '/v1/help-requests/:id/video',
    {
      onRequest: app.requirePrincipal,
      bodyLimit: config.video.maxBytes,
      schema: {
        tags: ['video'],
        security: [{ lifelineToken: [] }],
        description: `Video feedback: a raw clip (${VIDEO_CONTENT_TYPES.join(', ')}) with a picture, at most VIDEO_MAX_BYTES (else 413 LIFELINE_PAYLOAD_TOO_LARGE) and VIDEO_MAX_SECONDS (else 413 LIFELINE_VIDEO_TOO_LONG); bytes with no decodable picture are 415 LIFELINE_VIDEO_UNSUPPORTED, another content type 415 LIFELINE_UNSUPPORTED_MEDIA_TYPE. Its audio track is transcribed like a voice message; a silent clip is accepted and its transcript is failed. A request has one recording: after a voice message this is 409 LIFELINE_RECORDING_EXISTS. Repeat uploads return the same job.`,
        params: IdParams,
        response: {
          202: VideoAccepted,
          ...{ 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
          ...{ 413: ErrorBody, 415: ErrorBody },
        },
      },
    },
    async (request, reply) => {
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const accepted = await service.upload(
        request.principal!,
        request.params.id,
        contentType,
        clip(request.body),
      );
      return reply.code(202).send(accepted);
    },
  );

  app.get(
    '/v1/help-requests/:id/video',
    read(
      'The clip, for whoever may read the conversation: its user, the agent offered or serving it, a supervisor',
    ),
    async (request, reply) => {
      const { bytes, contentType } = await service.clip(request.principal!, request.params.id);
      return reply.type(contentType).header('cache-control', 'private, no-store').send(bytes);
    },
  );

  app.get(
    '/v1/help-requests/:id/video/thumbnail',
    read(`One frame of the clip as a JPEG at most 320 pixels wide, with the clip's rights`),
    async (request, reply) => {
      const { bytes } = await service.thumbnail(request.principal!, request.params.id);
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(bytes);
    },
  );
};

export default video;
