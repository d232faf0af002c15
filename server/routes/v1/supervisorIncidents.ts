import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../core/protocol/domain.js';
import { IncidentsReply } from '../../../core/protocol/floor.js';
import { IdParams } from '../../../core/protocol/helpRequests.js';
import {
  IncidentStatusBody,
  LinkCasesBody,
  LinkCasesReply,
  OpenIncidentBody,
  ResolveIncidentBody,
  ResolveIncidentReply,
} from '../../../core/protocol/incidents.js';
import { agentIdOf } from '../../plugins/auth.js';

const refused = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** /v1/supervisor/incidents/*: incidents managed as problems. Supervisors only. */
const supervisorIncidents: FastifyPluginAsyncTypebox = async (app) => {
  const secured = { onRequest: app.requirePrincipal, preHandler: app.requireSupervisor };
  const documented = { tags: ['supervisors'], security: [{ lifelineToken: [] }] };
  const { incidentDesk, floor } = app.lifeline;

  app.get(
    '/v1/supervisor/incidents',
    {
      ...secured,
      schema: {
        ...documented,
        description: 'Open incidents with their status, answers and reports per minute over the last hour',
        response: { 200: IncidentsReply, 403: ErrorBody },
      },
    },
    async () => ({ incidents: await floor.incidents() }),
  );

  app.post(
    '/v1/supervisor/incidents',
    {
      ...secured,
      schema: {
        ...documented,
        description:
          'Opens an incident by hand (201); with the keyword of an open incident, that one is taken over (200)',
        body: OpenIncidentBody,
        response: {
          200: Type.Object({ id: Type.String() }),
          201: Type.Object({ id: Type.String() }),
          ...refused,
        },
      },
    },
    async (request, reply) => {
      const { id, opened } = await incidentDesk.open(agentIdOf(request), request.body);
      return reply.code(opened ? 201 : 200).send({ id });
    },
  );

  app.post(
    '/v1/supervisor/incidents/:id/cases',
    {
      ...secured,
      schema: {
        ...documented,
        description: 'Links open cases to the incident by hand; those linked hear its status at once',
        params: IdParams,
        body: LinkCasesBody,
        response: { 200: LinkCasesReply, ...refused },
      },
    },
    async (request) => ({
      linked: await incidentDesk.link(request.params.id, request.body.requestIds),
    }),
  );

  app.post(
    '/v1/supervisor/incidents/:id/status',
    {
      ...secured,
      schema: {
        ...documented,
        description:
          'Posts the status every linked user sees at once (live, and at their next visit) and new reporters get on creating',
        params: IdParams,
        body: IncidentStatusBody,
        response: { 204: Type.Null(), ...refused },
      },
    },
    async (request, reply) => {
      await incidentDesk.postStatus(request.params.id, request.body.message);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/supervisor/incidents/:id/resolve',
    {
      ...secured,
      schema: {
        ...documented,
        description:
          'Resolves it: every linked user hears the resolution, and linked waiting cases close unless their user still needs help',
        params: IdParams,
        body: ResolveIncidentBody,
        response: { 200: ResolveIncidentReply, ...refused },
      },
    },
    async (request) => incidentDesk.resolve(request.params.id, request.body.resolution),
  );
};

export default supervisorIncidents;
