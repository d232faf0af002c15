import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { LifelineError } from '../../errors/LifelineError.js';
import { toHelpRequestView } from '../../help-requests/view.js';
import { HelpRequestView, IdParams } from '../../help-requests/schemas.js';
import { floorMetrics } from '../../routing/core/floorMetrics.js';
import { ErrorBody } from '../../schemas/domain.js';

const QUEUE_VIEW_LIMIT = 100;
const PastRequest = Type.Object({
  id: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  channel: Type.String(),
  category: Type.String(),
  level: Type.String(),
  state: Type.String(),
  outcome: Type.Optional(Type.String()),
});
const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>(
    (counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }),
    {},
  );

/** The floor: what agents and supervisors see beyond their own offers. */
const floor: FastifyPluginAsyncTypebox = async (app) => {
  const { store, presenceStore, floor: stats, agents, incidents, sessions, config, now } = app.lifeline;
  const agentId = (request: FastifyRequest) => {
    if (request.principal?.kind !== 'agent') throw new LifelineError('LIFELINE_FORBIDDEN', 'Agents only');
    return request.principal.agentId;
  };
  const requireSupervisor = async (request: FastifyRequest) => {
    if ((await agents.findById(agentId(request)))?.role !== 'supervisor')
      throw new LifelineError('LIFELINE_FORBIDDEN', 'Supervisors only');
  };
  const secured = { onRequest: app.requirePrincipal };
  const security = [{ lifelineToken: [] }];

  app.get(
    '/v1/queue',
    {
      ...secured,
      preHandler: async (r) => void agentId(r),
      schema: {
        tags: ['agents'],
        security,
        response: { 200: Type.Object({ requests: Type.Array(HelpRequestView) }), 403: ErrorBody },
      },
    },
    async () => {
      const records = await store.waitingDetails(QUEUE_VIEW_LIMIT);
      return {
        requests: records.map((record, index) =>
          toHelpRequestView({ record, queue: { position: index + 1, etaSeconds: 0, state: 'waiting' } }),
        ),
      };
    },
  );

  app.get(
    '/v1/supervisor/overview',
    {
      ...secured,
      preHandler: requireSupervisor,
      schema: {
        tags: ['supervisors'],
        security,
        description:
          'Agent states, waiting by category and level, ASA, AHT, abandonment, service level, live sessions, incidents',
      },
    },
    async () => {
      const [all, waiting, totals, live, open] = await Promise.all([
        agents.list(),
        store.waitingDetails(10_000),
        stats.totals(),
        store.activeSessions(),
        incidents.open(now()),
      ]);
      const presence = await Promise.all(all.map((agent) => presenceStore.getPresence(agent.id)));
      return {
        agents: all.map((agent, i) => ({
          id: agent.id,
          name: agent.name,
          role: agent.role,
          status: presence[i]?.status ?? 'offline',
          load: Number(presence[i]?.load ?? 0),
          maxSessions: agent.maxSessions,
        })),
        waiting: {
          total: waiting.length,
          byCategory: countBy(waiting, (r) => r.category),
          byLevel: countBy(waiting, (r) => r.level),
        },
        metrics: {
          ...floorMetrics(totals),
          serviceLevelTargetSeconds: config.routing.serviceLevelTargetSeconds,
        },
        sessions: live.map((s) => ({
          sessionId: s.id,
          requestId: s.requestId,
          agentId: s.agentId,
          startedAt: new Date(Number(s.startedAt)).toISOString(),
        })),
        incidents: open.map((i) => ({ ...i, since: new Date(i.since).toISOString() })),
      };
    },
  );

  app.post(
    '/v1/supervisor/sessions/:id/listen',
    {
      ...secured,
      preHandler: requireSupervisor,
      schema: {
        tags: ['supervisors'],
        security,
        params: IdParams,
        response: {
          200: Type.Object({ room: Type.String(), livekitUrl: Type.String(), token: Type.String() }),
          403: ErrorBody,
          409: ErrorBody,
        },
      },
    },
    async (request) => sessions.listenToken(agentId(request), request.params.id),
  );

  app.get(
    '/v1/help-requests/:id/history',
    {
      ...secured,
      schema: {
        tags: ['agents'],
        security,
        params: IdParams,
        description: "The user's earlier requests with outcomes, for the agent offered or serving this one",
        response: { 200: Type.Object({ requests: Type.Array(PastRequest) }), 403: ErrorBody },
      },
    },
    async (request) => {
      const id = agentId(request);
      const record = await store.getRequest(request.params.id);
      const supervisor = (await agents.findById(id))?.role === 'supervisor';
      if (!record || (!supervisor && record.offerAgentId !== id && record.agentId !== id))
        throw new LifelineError(
          'LIFELINE_FORBIDDEN',
          'Only the agent offered or serving this request may see its history',
        );
      const history = await store.userHistory(record.userId, record.id, 10);
      return { requests: history.map((h) => ({ ...h, createdAt: new Date(h.createdAt).toISOString() })) };
    },
  );

  app.post(
    '/v1/sessions/:id/wrap-up',
    {
      ...secured,
      schema: {
        tags: ['agents'],
        security,
        params: IdParams,
        body: Type.Object(
          {
            outcome: Type.String({ minLength: 1, maxLength: 64 }),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      await sessions.wrapUp(agentId(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/help-requests/:id/rating',
    {
      ...secured,
      schema: {
        tags: ['help-requests'],
        security,
        params: IdParams,
        body: Type.Object(
          { stars: Type.Integer({ minimum: 1, maximum: 5 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      if (principal.kind !== 'user' || principal.requestId !== request.params.id)
        throw new LifelineError('LIFELINE_FORBIDDEN', 'Only the request’s own user may rate it');
      if (!(await store.recordRating(request.params.id, request.body.stars)))
        throw new LifelineError('LIFELINE_NOT_FOUND');
      return reply.code(204).send(null);
    },
  );
};

export default floor;
