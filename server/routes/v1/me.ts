import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../core/protocol/domain.js';
import { MyHelpRequestsReply } from '../../../core/protocol/helpRequests.js';

/** /v1/me/*: what the signed-in platform user may read about themselves. */
const me: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/me/help-requests',
    {
      onRequest: app.requireIdentity,
      schema: {
        tags: ['help-requests'],
        security: [{ platformIdentity: [] }],
        description: "The signed-in user's cases, newest first; open ones carry a token to reopen them",
        response: { 200: MyHelpRequestsReply, 401: ErrorBody },
      },
    },
    async (request) => {
      const requests = await app.lifeline.userCases.list(request.identity!.sub);
      // A returning user reads what their incident said while they were away.
      const notices = await app.lifeline.incidentNotices.forCases(requests.map((r) => r.id));
      return { requests: requests.map((r) => ({ ...r, incident: notices.get(r.id) })) };
    },
  );
};

export default me;
