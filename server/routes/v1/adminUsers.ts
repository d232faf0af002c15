import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../core/protocol/domain.js';

/** DELETE /v1/admin/users/:platformUserId: the right to erasure, everywhere Lifeline keeps data. */
const adminUsers: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/v1/admin/users/:platformUserId',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        description:
          "Erases one user's cases, conversations, calls, voice messages and profile (PostgreSQL, Redis, blobs)",
        params: Type.Object({ platformUserId: Type.String({ minLength: 1, maxLength: 256 }) }),
        response: { 200: Type.Object({ erasedCases: Type.Integer({ minimum: 0 }) }), 401: ErrorBody },
      },
    },
    async (request) => app.lifeline.erasure.erase(request.params.platformUserId),
  );
};

export default adminUsers;
