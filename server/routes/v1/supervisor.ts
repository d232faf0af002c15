import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../core/protocol/domain.js';
import { ListenGrant, SupervisorOverview } from '../../../core/protocol/floor.js';
import { IdParams } from '../../../core/protocol/helpRequests.js';
import { agentIdOf } from '../../plugins/auth.js';

/** /v1/supervisor/*: the floor overview and silent listen-in. Supervisors only. */
const supervisor: FastifyPluginAsyncTypebox = async (app) => {
  const secured = { onRequest: app.requirePrincipal, preHandler: app.requireSupervisor };
  const security = [{ lifelineToken: [] }];

  app.get(
    '/v1/supervisor/overview',
    {
      ...secured,
      schema: {
        tags: ['supervisors'],
        security,
        description:
          'Agent states, waiting by category and level, ASA, AHT, abandonment, service level, live sessions, incidents',
        response: { 200: SupervisorOverview, 403: ErrorBody },
      },
    },
    async () => app.lifeline.floor.overview(),
  );

  app.post(
    '/v1/supervisor/sessions/:id/listen',
    {
      ...secured,
      schema: {
        tags: ['supervisors'],
        security,
        params: IdParams,
        response: { 200: ListenGrant, 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => app.lifeline.sessions.listenToken(agentIdOf(request), request.params.id),
  );
};

export default supervisor;
