import { Type, type Static } from '@sinclair/typebox';
import { Category } from './domain.js';
import { INCIDENT_ANSWERS, MAX_INCIDENT_STATUS_LENGTH, MAX_INCIDENT_TITLE_LENGTH } from './vocabulary.js';

/** Incidents managed as problems: what supervisors post and what linked users see and answer. */

const DateTime = Type.String({ format: 'date-time' });
const Id = Type.String({ minLength: 1, maxLength: 64 });
/** Not blank: a status of spaces would reach every linked user as an empty banner. */
const Posted = (description: string) =>
  Type.String({ minLength: 1, maxLength: MAX_INCIDENT_STATUS_LENGTH, pattern: '\\S', description });

/** The latest word of an incident for one of its linked users: a status, or its resolution. */
export const IncidentNotice = Type.Object({
  incidentId: Type.String(),
  title: Type.String(),
  message: Type.String({ description: 'The latest status, or the resolution once resolved' }),
  postedAt: DateTime,
  resolved: Type.Boolean(),
  stillNeedHelp: Type.Optional(
    Type.Literal(true, {
      description: 'The user said it did not answer them: their case stays with a human',
    }),
  ),
});
export type IncidentNotice = Static<typeof IncidentNotice>;

export const OpenIncidentBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: MAX_INCIDENT_TITLE_LENGTH, pattern: '\\S' }),
    category: Category,
    keyword: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        pattern: '\\S',
        description: 'New reports with this keyword join it, as they join one a burst opened',
      }),
    ),
  },
  { additionalProperties: false },
);
export type OpenIncidentBody = Static<typeof OpenIncidentBody>;

export const LinkCasesBody = Type.Object(
  { requestIds: Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true }) },
  { additionalProperties: false },
);
export type LinkCasesBody = Static<typeof LinkCasesBody>;
export const LinkCasesReply = Type.Object({
  linked: Type.Integer({
    minimum: 0,
    description: 'Open cases linked now (unknown or closed ones are skipped)',
  }),
});

export const IncidentStatusBody = Type.Object(
  { message: Posted('Reaches every linked user at once, and each new reporter') },
  { additionalProperties: false },
);
export type IncidentStatusBody = Static<typeof IncidentStatusBody>;

export const ResolveIncidentBody = Type.Object(
  { resolution: Posted('Sent to every linked case; their waiting cases close with it') },
  { additionalProperties: false },
);
export type ResolveIncidentBody = Static<typeof ResolveIncidentBody>;

export const ResolveIncidentReply = Type.Object({
  closed: Type.Integer({ minimum: 0, description: 'Waiting cases closed as resolved_by_incident' }),
  keptWaiting: Type.Integer({ minimum: 0, description: 'Cases whose users still need help' }),
  withAgent: Type.Integer({ minimum: 0, description: 'Cases left to the agent serving them' }),
});
export type ResolveIncidentReply = Static<typeof ResolveIncidentReply>;

export const IncidentAnswerBody = Type.Object(
  {
    answer: Type.Union(
      INCIDENT_ANSWERS.map((a) => Type.Literal(a)),
      {
        description:
          '`still_need_help` keeps the case waiting for a human (puts it back if the resolution closed it); `solved` closes it',
      },
    ),
  },
  { additionalProperties: false },
);
export type IncidentAnswerBody = Static<typeof IncidentAnswerBody>;
export const IncidentAnswerReply = Type.Object({ id: Type.String(), state: Type.String() });
export type IncidentAnswerReply = Static<typeof IncidentAnswerReply>;

/** What the floor shows of an incident beyond its reports. */
export const IncidentManagement = {
  title: Type.String({ description: 'The keyword, for one a burst opened' }),
  category: Type.Optional(Category),
  openedBy: Type.Optional(Type.String({ description: 'The supervisor who opened it by hand' })),
  status: Type.Optional(Type.Object({ message: Type.String(), postedAt: DateTime })),
  answered: Type.Integer({ minimum: 0, description: 'Linked cases closed by its status, without an agent' }),
  stillNeedHelp: Type.Integer({ minimum: 0, description: 'Linked users who said they still need help' }),
  reportsPerMinute: Type.Array(Type.Integer({ minimum: 0 }), {
    description: 'Linked reports per minute over the last hour, oldest first (by case creation)',
  }),
};
