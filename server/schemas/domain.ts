import { Type, type Static } from '@sinclair/typebox';

/** Shapes shared by REST replies, WebSocket frames and OpenAPI. */

export const CATEGORIES = [
  'account_security',
  'payment',
  'content_moderation',
  'technical',
  'copyright',
  'feedback',
  'general',
] as const;

export const Category = Type.Union(
  CATEGORIES.map((c) => Type.Literal(c)),
  { description: 'What the problem is about' },
);
export const Channel = Type.Union([Type.Literal('call'), Type.Literal('voice'), Type.Literal('text')]);
export const MediaKind = Type.Union([Type.Literal('audio'), Type.Literal('video')]);
export const Tier = Type.Union([
  Type.Literal('regular'),
  Type.Literal('creator'),
  Type.Literal('brand'),
  Type.Literal('advertiser'),
]);
export const UrgencyLevel = Type.Union([
  Type.Literal('critical'),
  Type.Literal('high'),
  Type.Literal('normal'),
  Type.Literal('low'),
]);
export const RequestState = Type.Union(
  ['queued', 'offered', 'assigned', 'ended', 'cancelled', 'abandoned'].map((s) => Type.Literal(s)),
);

/** A BCP 47 language tag such as en, zh or zh-Hans-CN. */
export const LanguageTag = Type.String({ pattern: '^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$', maxLength: 35 });

export const StreamContext = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 128 }),
    offsetSeconds: Type.Number({ minimum: 0, maximum: 7 * 24 * 3600 }),
  },
  { additionalProperties: false, description: 'The livestream the user was on and where in it' },
);

export const Urgency = Type.Object({
  score: Type.Number({ minimum: 0, maximum: 100 }),
  level: UrgencyLevel,
  reasons: Type.Array(Type.String()),
});

export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String() }),
});

export type CategoryName = Static<typeof Category>;
