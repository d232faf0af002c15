import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../../core/protocol/domain.js';
import { IdParams } from '../../../../core/protocol/helpRequests.js';
import { IncidentAnswerBody, IncidentAnswerReply } from '../../../../core/protocol/incidents.js';

/** /v1/help-requests/:id/incident-answer: a linked user's answer to their incident's status. */
const helpRequestIncident: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/help-requests/:id/incident-answer',
    {
      onRequest: app.requirePrincipal,
      schema: {
        tags: ['help-requests'],
        security: [{ lifelineToken: [] }],
        description:
          "The request's own user only. `still_need_help` keeps the case with a human, before or after the resolution; " +
          '`solved` closes a waiting case. 409 LIFELINE_NOT_IN_INCIDENT for a case linked to no incident.',
        params: IdParams,
        body: IncidentAnswerBody,
        response: {
          200: IncidentAnswerReply,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
          409: ErrorBody,
        },
      },
    },
    async (request) => ({
      id: request.params.id,
      state: await app.lifeline.incidentAnswers.answer(
        request.principal!,
        request.params.id,
        request.body.answer,
      ),
    }),
  );
};

export default helpRequestIncident;
