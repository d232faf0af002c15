import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../../core/protocol/domain.js';
import {
  CancelReply,
  CreateHelpRequestBody,
  CreatedReply,
  HelpRequestView,
  IdParams,
} from '../../../../core/protocol/helpRequests.js';
import { toHelpRequestView } from '../../../help-requests/view.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

const helpRequests: FastifyPluginAsyncTypebox = async (app) => {
  const { requests, config, incidentNotices } = app.lifeline;

  app.post(
    '/v1/help-requests',
    {
      onRequest: app.requireIdentity,
      config: { rateLimit: { max: config.limits.createPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['help-requests'],
        security: [{ platformIdentity: [] }],
        body: CreateHelpRequestBody,
        response: { 200: CreatedReply, 201: CreatedReply, ...errors, 429: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const created = await requests.create(request.identity!, request.body);
      // A reporter whose case joined an incident with a status is answered at once; they may still wait.
      const incident = await incidentNotices.forNewCase(created.id);
      return reply.code(created.resumed ? 200 : 201).send({ ...created, ...(incident ? { incident } : {}) });
    },
  );

  app.get(
    '/v1/help-requests/:id',
    {
      onRequest: app.requirePrincipal,
      schema: {
        tags: ['help-requests'],
        security: [{ lifelineToken: [] }],
        params: IdParams,
        response: { 200: HelpRequestView, ...errors },
      },
    },
    async (request) => {
      const view = toHelpRequestView(await requests.get(request.principal!, request.params.id));
      const incident = await incidentNotices.forCase(view.id);
      return incident ? { ...view, incident } : view;
    },
  );

  app.delete(
    '/v1/help-requests/:id',
    {
      onRequest: app.requirePrincipal,
      schema: {
        tags: ['help-requests'],
        security: [{ lifelineToken: [] }],
        params: IdParams,
        response: { 200: CancelReply, ...errors },
      },
    },
    async (request) => ({
      id: request.params.id,
      state: await requests.cancel(request.principal!, request.params.id),
    }),
  );
};

export default helpRequests;
