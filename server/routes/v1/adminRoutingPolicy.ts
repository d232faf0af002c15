import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../core/protocol/domain.js';
import {
  PolicyHistory,
  PolicyHistoryQuery,
  PolicyInForce,
  PolicyPutReply,
  type PolicyVersionView,
} from '../../../core/protocol/routingPolicy.js';
import type { PolicyVersion } from '../../../platform/db/PolicyRepository.js';

const view = ({ version, source, actor, createdAt }: PolicyVersion): PolicyVersionView => ({
  version,
  source,
  ...(actor === null ? {} : { actor }),
  changedAt: createdAt.toISOString(),
});

/** /v1/admin/routing-policy: the routing policy in force, putting a new one, and the audit of changes. */
const adminRoutingPolicy: FastifyPluginAsyncTypebox = async (app) => {
  const secured = { onRequest: app.requireOperator };
  const security: Record<string, string[]>[] = [{ adminToken: [] }, { lifelineToken: [] }];
  const tags = ['admin'];

  app.get(
    '/v1/admin/routing-policy',
    {
      ...secured,
      schema: { tags, security, response: { 200: PolicyInForce, 401: ErrorBody, 403: ErrorBody } },
    },
    async () => {
      const row = await app.lifeline.policies.inForce();
      return { inForce: row && { ...view(row), document: row.document } };
    },
  );

  app.put(
    '/v1/admin/routing-policy',
    {
      ...secured,
      schema: {
        tags,
        security,
        description:
          'Validates the whole document and puts it in force on every instance, or refuses it with every problem ' +
          '(400 LIFELINE_POLICY_INVALID, `error.problems`); never half of it. Waiting requests are decided again under it.',
        body: Type.Unknown({ description: 'A routing policy document (docs/routing-policies.md)' }),
        response: { 200: PolicyPutReply, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => {
      const { version } = await app.lifeline.policies.put(request.body, request.operator ?? 'admin');
      if (version !== null) return { version, changed: true };
      const inForce = await app.lifeline.policies.inForce();
      return { version: inForce?.version ?? 0, changed: false };
    },
  );

  app.get(
    '/v1/admin/routing-policy/history',
    {
      ...secured,
      schema: {
        tags,
        security,
        querystring: PolicyHistoryQuery,
        response: { 200: PolicyHistory, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => ({
      versions: (await app.lifeline.policies.history(request.query.limit ?? 50)).map(view),
    }),
  );
};

export default adminRoutingPolicy;
