import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../core/protocol/domain.js';
import { StartCallBody, WrapUpBody } from '../../../core/protocol/floor.js';
import { IdParams } from '../../../core/protocol/helpRequests.js';
import { ConsultBody, ConsultGrant, TransferBody } from '../../../core/protocol/supervision.js';
import { agentIdOf } from '../../plugins/auth.js';

/** /v1/sessions/:id/*: what the serving agent records about a session, its call, consults and transfers. */
const sessions: FastifyPluginAsyncTypebox = async (app) => {
  /** Every route here is the serving agent's, about one session. */
  const agentOnly = { onRequest: app.requirePrincipal, preHandler: app.requireAgent } as const;
  const session = { tags: ['agents'], security: [{ lifelineToken: [] }], params: IdParams };
  app.post(
    '/v1/sessions/:id/wrap-up',
    {
      ...agentOnly,
      schema: {
        ...session,
        description:
          "Records the serving agent's outcome and note. `follow_up` leaves a task due in `followUpInMinutes` " +
          '(default FOLLOW_UP_DEFAULT_HOURS), offered back to this agent first; `escalated` leaves a task for a ' +
          'supervisor to assign. Repeating or correcting a wrap-up changes its task while it is still pending.',
        body: WrapUpBody,
        response: { 204: Type.Null(), 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      await app.lifeline.wrapUps.record(agentIdOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/sessions/:id/call',
    {
      ...agentOnly,
      schema: {
        ...session,
        description:
          'Turns the text or voice conversation this agent is serving into a live call: a LiveKit room, ' +
          'and a `session.ready` with a publishing token to both sides. The conversation stays open. ' +
          'Asking again while the call runs changes nothing.',
        body: StartCallBody,
        response: { 204: Type.Null(), 403: ErrorBody, 409: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      await app.lifeline.sessions.startCall(agentIdOf(request), request.params.id, request.body.media);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/v1/sessions/:id/call',
    {
      ...agentOnly,
      schema: {
        ...session,
        description:
          "Ends a conversation's live call and keeps the conversation: both sides get a `session.ready` without a token.",
        response: { 204: Type.Null(), 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      await app.lifeline.sessions.stopCall(agentIdOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/sessions/:id/consult',
    {
      ...agentOnly,
      schema: {
        ...session,
        description:
          'The serving agent asks another agent (or a supervisor) to consult: they get a `consult.invited` and ' +
          'hold a slot for CONSULT_TIMEOUT_MS. Refused with 409 LIFELINE_TRANSFER_TARGET_OFFLINE (not available or ' +
          'not connected), LIFELINE_TRANSFER_TARGET_BUSY (at capacity) or LIFELINE_TRANSFER_PENDING. Audited.',
        body: ConsultBody,
        response: { 204: Type.Null(), 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      await app.lifeline.transfers.consult(agentIdOf(request), request.params.id, request.body.agentId);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/v1/sessions/:id/consult',
    {
      ...agentOnly,
      schema: {
        ...session,
        description: 'The serving agent cancels its consult; the user is taken off hold. Audited.',
        response: { 204: Type.Null(), 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      await app.lifeline.transfers.endConsult('cancel', agentIdOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/sessions/:id/consult/accept',
    {
      ...agentOnly,
      schema: {
        ...session,
        description:
          'The invited agent joins the consult: a grant to the same room (while the session holds a call). ' +
          'The user holds; each agent lets only the other subscribe to it until the handover. Audited.',
        response: { 200: ConsultGrant, 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => app.lifeline.transfers.accept(agentIdOf(request), request.params.id),
  );

  app.post(
    '/v1/sessions/:id/consult/decline',
    {
      ...agentOnly,
      schema: {
        ...session,
        description: 'The invited agent declines or leaves the consult; its slot is freed. Audited.',
        response: { 204: Type.Null(), 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      await app.lifeline.transfers.endConsult('decline', agentIdOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/sessions/:id/transfer',
    {
      ...agentOnly,
      schema: {
        ...session,
        description:
          '`warm`: hands the session to the agent who joined the consult, in the same room; the user never queues ' +
          'again (409 LIFELINE_NO_CONSULT before they joined). `cold`: ends this agent’s session as `transferred` ' +
          'and queues the case for `category`, keeping its place by urgency and wait, with the note for the next ' +
          'agent. Audited.',
        body: TransferBody,
        response: { 204: Type.Null(), 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      await app.lifeline.transfers.transfer(agentIdOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
};

export default sessions;
