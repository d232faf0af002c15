import { Type, type Static } from '@sinclair/typebox';
import { Category, Channel, LanguageTag, Tier } from '../../protocol/domain.js';

/**
 * The routing policy document an operator writes: which queue a request joins, who may serve
 * that queue, and how the queue escalates while a request waits. The words (tiers, categories,
 * channels, skills) are the protocol's own schemas, so a typo is refused where it is written.
 * An agent's skills are categories (`CreateAgentBody.skills`), so skills are categories here too.
 */

export const QUEUE_NAME_PATTERN = '^[a-z0-9][a-z0-9_-]{0,47}$';
export const QueueName = Type.String({
  pattern: QUEUE_NAME_PATTERN,
  description: 'Lower case letters, digits, - and _; at most 48 characters',
});

const oneOrMore = <T extends Parameters<typeof Type.Array>[0]>(item: T, description: string) =>
  Type.Optional(Type.Array(item, { minItems: 1, maxItems: 50, uniqueItems: true, description }));

/** Every field given must hold; a field left out matches anything. */
export const MatchCondition = Type.Object(
  {
    tiers: oneOrMore(Tier, 'The user is one of these tiers'),
    categories: oneOrMore(Category, 'The request is in one of these categories'),
    languages: oneOrMore(LanguageTag, 'The request is in one of these languages (by primary subtag)'),
    channels: oneOrMore(Channel, 'The request came as one of these channels'),
  },
  { additionalProperties: false },
);
export type MatchCondition = Static<typeof MatchCondition>;

export const STEP_CONDITIONS = ['none_eligible_online', 'still_waiting'] as const;
export type StepCondition = (typeof STEP_CONDITIONS)[number];

const stepFields = {
  afterSeconds: Type.Integer({ minimum: 0, maximum: 86_400, description: 'Wait before this step applies' }),
  when: Type.Union(
    STEP_CONDITIONS.map((condition) => Type.Literal(condition)),
    {
      description:
        'none_eligible_online: only while no agent online meets the queue’s own eligibility; still_waiting: by time alone',
    },
  ),
  alertSupervisor: Type.Optional(Type.Boolean({ description: 'Alert a supervisor once this step applies' })),
};

const step = <A extends string, P extends Parameters<typeof Type.Object>[0]>(action: A, fields: P) =>
  Type.Object({ action: Type.Literal(action), ...stepFields, ...fields }, { additionalProperties: false });

export const WidenToNeighbourSkills = step('widen_to_neighbour_skills', {});
export const WidenToAnySkill = step('widen_to_any_skill', {});
export const FallbackLanguage = step('fallback_language', {
  language: LanguageTag,
  note: Type.Optional(
    Type.String({ minLength: 1, maxLength: 500, description: 'Shown to the agent who takes the request' }),
  ),
});
export const RaisePriority = step('raise_priority', {
  points: Type.Integer({ minimum: 1, maximum: 100, description: 'Added to the urgency score' }),
});

export const EscalationStep = Type.Union([
  WidenToNeighbourSkills,
  WidenToAnySkill,
  FallbackLanguage,
  RaisePriority,
]);
export type EscalationStep = Static<typeof EscalationStep>;
export type StepAction = EscalationStep['action'];

export const PolicyQueue = Type.Object(
  {
    name: QueueName,
    description: Type.Optional(Type.String({ maxLength: 500 })),
    match: Type.Optional(
      Type.Array(MatchCondition, {
        maxItems: 50,
        description: 'A request matching any of these joins the queue, unless an earlier queue took it',
      }),
    ),
    requiredSkills: Type.Optional(
      Type.Array(Category, {
        maxItems: 10,
        uniqueItems: true,
        description: 'Skills an agent must all have; left out, the request’s own category',
      }),
    ),
    escalation: Type.Optional(Type.Array(EscalationStep, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type PolicyQueue = Static<typeof PolicyQueue>;

export const RoutingPolicyDocument = Type.Object(
  {
    version: Type.Literal(1),
    defaultQueue: Type.String({ description: 'Where a request no queue matches goes' }),
    skillNeighbours: Type.Optional(
      Type.Record(Type.String(), Type.Array(Category, { maxItems: 10, uniqueItems: true }), {
        description: 'Skill → skills close enough to serve it when a queue widens',
      }),
    ),
    queues: Type.Array(PolicyQueue, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type RoutingPolicyDocument = Static<typeof RoutingPolicyDocument>;
