import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../core/protocol/domain.js';
import { SupervisorOverview } from '../../../core/protocol/floor.js';
import { AuditQuery, AuditReply, MonitorBody, MonitorGrant } from '../../../core/protocol/supervision.js';
import { IdParams } from '../../../core/protocol/helpRequests.js';
import { AssignTaskBody, TasksReply } from '../../../core/protocol/tasks.js';
import { agentIdOf } from '../../plugins/auth.js';

/** /v1/supervisor/*: the floor overview, listening, coaching and barging, the audit trail and the floor's tasks. Supervisors only. */
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
    '/v1/supervisor/sessions/:id/monitor',
    {
      ...secured,
      schema: {
        tags: ['supervisors'],
        security,
        description:
          'Joins a live call as `listen` (subscribe only, hidden), `coach` (microphone only, heard by the agent ' +
          'alone) or `barge` (microphone, heard by both). Asking again with another mode replaces the grant. ' +
          'Audited. 409 LIFELINE_SESSION_GONE once the session ended; LIFELINE_NO_LIVE_CALL without a call.',
        params: IdParams,
        body: MonitorBody,
        response: { 200: MonitorGrant, 403: ErrorBody, 409: ErrorBody, 503: ErrorBody },
      },
    },
    async (request) =>
      app.lifeline.supervision.monitor(agentIdOf(request), request.params.id, request.body.mode ?? 'listen'),
  );

  app.delete(
    '/v1/supervisor/sessions/:id/monitor',
    {
      ...secured,
      schema: {
        tags: ['supervisors'],
        security,
        description: 'Ends listening, coaching or barging: the media server removes the supervisor. Audited.',
        params: IdParams,
        response: { 204: Type.Null(), 403: ErrorBody, 409: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      await app.lifeline.supervision.leave(agentIdOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/supervisor/audit',
    {
      ...secured,
      schema: {
        tags: ['supervisors'],
        security,
        description: 'Supervisor actions on calls and every consult and transfer, newest first',
        querystring: AuditQuery,
        response: { 200: AuditReply, 403: ErrorBody },
      },
    },
    async (request) => ({
      entries: await app.lifeline.supervision.trail({
        sessionId: request.query.sessionId,
        limit: request.query.limit ?? 100,
      }),
    }),
  );

  app.get(
    '/v1/supervisor/tasks',
    {
      ...secured,
      schema: {
        tags: ['supervisors'],
        security,
        description:
          'Pending and open follow-ups and escalations, unassigned escalations first, then soonest due',
        response: { 200: TasksReply, 403: ErrorBody },
      },
    },
    async () => ({ tasks: await app.lifeline.followUps.onFloor() }),
  );

  app.post(
    '/v1/supervisor/tasks/:id/assign',
    {
      ...secured,
      schema: {
        tags: ['supervisors'],
        security,
        description:
          'Hands a pending task (an escalation, or a follow-up whose agent cannot take it) to an agent: when due, ' +
          'its case is offered to that agent first. 409 LIFELINE_TASK_CLOSED once it is pending no more.',
        params: IdParams,
        body: AssignTaskBody,
        response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const { agentId, dueInMinutes } = request.body;
      await app.lifeline.followUps.assign(request.params.id, agentId, dueInMinutes);
      return reply.code(204).send(null);
    },
  );
};

export default supervisor;
