import { Type, type Static } from '@sinclair/typebox';

/** Why a policy document was refused; an admin API can reply with these as they are. */
export const POLICY_PROBLEM_CODES = [
  'schema',
  'unknown_tier',
  'unknown_category',
  'unknown_channel',
  'unknown_skill',
  'unknown_queue',
  'duplicate_queue',
  'steps_not_increasing',
  'step_without_effect',
  'neighbour_step_without_neighbours',
  'queue_unreachable',
  'match_shadowed',
] as const;
export type PolicyProblemCode = (typeof POLICY_PROBLEM_CODES)[number];

export const PolicyProblem = Type.Object({
  /** JSON pointer into the document, e.g. `/queues/1/escalation/2/afterSeconds`. */
  path: Type.String(),
  code: Type.Union(POLICY_PROBLEM_CODES.map((code) => Type.Literal(code))),
  message: Type.String(),
});
export type PolicyProblem = Static<typeof PolicyProblem>;

export const problem = (path: string, code: PolicyProblemCode, message: string): PolicyProblem => ({
  path,
  code,
  message,
});
