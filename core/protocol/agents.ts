import { Type, type Static } from '@sinclair/typebox';
import { AgentRole, Category, LanguageTag } from './domain.js';

/** REST bodies and replies for agent accounts and their login. */

export const LoginBody = Type.Object(
  { email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 256 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const AgentProfile = Type.Object({
  id: Type.String(),
  role: AgentRole,
  name: Type.String(),
  languages: Type.Array(Type.String()),
  skills: Type.Array(Type.String()),
  maxSessions: Type.Integer({ minimum: 1, description: 'How many sessions the agent serves at once' }),
});
export type AgentProfile = Static<typeof AgentProfile>;

export const LoginReply = Type.Object({
  token: Type.String({ description: 'Agent bearer token for REST and /v1/ws' }),
  agent: AgentProfile,
});
export type LoginReply = Static<typeof LoginReply>;

export const CreateAgentBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Type.String({ minLength: 1, maxLength: 128 }),
    password: Type.String({ minLength: 8, maxLength: 256 }),
    languages: Type.Array(LanguageTag, { minItems: 1, maxItems: 20, uniqueItems: true }),
    skills: Type.Array(Category, { maxItems: 20, uniqueItems: true }),
    maxSessions: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 1 })),
    role: Type.Optional(AgentRole),
  },
  { additionalProperties: false },
);
export type CreateAgentBody = Static<typeof CreateAgentBody>;

export const CreatedId = Type.Object({ id: Type.String() });
