import { Type, type Static } from '@sinclair/typebox';

/** One routing policy version as the admin API shows it: what was put in force, by whom, how. */
export const PolicyVersionView = Type.Object({
  version: Type.Integer(),
  source: Type.Union([Type.Literal('file'), Type.Literal('api')], {
    description: 'file: read from ROUTING_POLICY_FILE; api: put through PUT /v1/admin/routing-policy',
  }),
  actor: Type.Optional(
    Type.String({ description: "'admin' (the admin token), a supervisor's agent id, or the file's path" }),
  ),
  changedAt: Type.String({ format: 'date-time' }),
});
export type PolicyVersionView = Static<typeof PolicyVersionView>;

export const PolicyInForce = Type.Object({
  inForce: Type.Union([
    Type.Composite([
      PolicyVersionView,
      Type.Object({ document: Type.Unknown({ description: 'The policy (docs/routing-policies.md)' }) }),
    ]),
    Type.Null({ description: 'No policy was ever put in force: requests route by language and category' }),
  ]),
});
export type PolicyInForce = Static<typeof PolicyInForce>;

export const PolicyPutReply = Type.Object({
  version: Type.Integer({ description: 'The version in force now' }),
  changed: Type.Boolean({ description: 'False when the document is the one in force already' }),
});

export const PolicyHistoryQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const PolicyHistory = Type.Object({
  versions: Type.Array(PolicyVersionView, { description: 'Newest first' }),
});
