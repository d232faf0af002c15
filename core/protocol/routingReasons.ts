import { Type, type Static, type TProperties } from '@sinclair/typebox';

/**
 * Why a request reached the agent it did, beyond the ordinary rules: a stable code the agent's
 * console words in its own language, with the facts it needs. Every escalation step that changed
 * something leaves one, in the order the steps applied.
 */

const reason = <C extends string, P extends TProperties>(code: C, params: P) =>
  Type.Object({
    code: Type.Literal(code),
    params: Type.Object({
      afterSeconds: Type.Integer({ description: 'The wait at which the step applied' }),
      ...params,
    }),
  });

const Skills = Type.Array(Type.String());

export const RoutingReason = Type.Union([
  reason('widened:neighbour_skill', {
    required: Type.Array(Type.String(), { description: 'What the queue asks for' }),
    added: Type.Array(Type.String(), { description: 'Neighbouring skills now accepted too' }),
  }),
  reason('widened:any_skill', { required: Skills }),
  reason('fallback:language', {
    requested: Type.String({ description: 'The language the user asked in' }),
    language: Type.String({ description: 'The language now accepted too' }),
    note: Type.Optional(Type.String({ description: 'The operator’s note to the agent' })),
  }),
  reason('escalated:priority', { points: Type.Integer({ description: 'Added to the urgency score' }) }),
  reason('escalated:supervisor', {}),
]);
export type RoutingReason = Static<typeof RoutingReason>;
export type RoutingReasonCode = RoutingReason['code'];

export const ROUTING_REASON_CODES = RoutingReason.anyOf.map((variant) => variant.properties.code.const);
