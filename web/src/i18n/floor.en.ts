// The supervisor's floor, its tasks, the knowledge-base editor and routing reasons: the
// console side's words beyond the agent's own, kept apart from the widget's and the agent's.
import type { TaskKind, TaskState } from '@lifeline/core/protocol/vocabulary.js';

export const floorEn = {
  supervisor: {
    title: 'Supervisor view',
    agents: 'Agents',
    waiting: 'Waiting',
    byCategory: 'By category',
    byLevel: 'By level',
    asa: 'Average speed of answer',
    aht: 'Average handle time',
    abandonment: 'Abandonment',
    callbacks: 'Callbacks',
    callbackCounts: '{{answered}} answered, {{retried}} retried, {{missed}} missed of {{requested}}',
    serviceLevel: 'Service level ({{seconds}} s)',
    queueChart: 'Waiting requests over time',
    asaChart: 'Average speed of answer over time (s)',
    incidents: 'Open incidents',
    none: 'None',
    sessions: 'Live sessions',
    listen: 'Listen in',
    status: 'Status',
    load: 'Load',
  },
  /** A supervisor's silent listen-in: whom they hear, and the way out. */
  listenIn: {
    heading: 'Listening in',
    connecting: 'Joining the call…',
    nobody: 'Waiting for audio…',
    heard: '{{name}} ({{role}})',
    agent: 'agent',
    user: 'user',
    end: 'End listening',
    modes: 'How you are in the call',
    mode: {
      listen: 'Listen',
      coach: 'Coach the agent',
      barge: 'Barge in',
    },
    modeHint: {
      listen: 'Nobody hears you; the agent and the user do not see you.',
      coach: 'Only the agent hears you. The user cannot.',
      barge: 'Both the agent and the user hear you.',
    },
  },
  /** Follow-ups and escalations a wrap-up leaves. */
  tasks: {
    mine: 'My tasks',
    floor: 'Follow-ups and escalations',
    none: 'No tasks',
    kinds: { follow_up: 'Follow-up', escalation: 'Escalation' } satisfies Record<TaskKind, string>,
    states: {
      pending: 'Pending',
      open: 'Waiting in the queue',
      done: 'Taken',
      cancelled: 'Cancelled',
    } satisfies Record<TaskState, string>,
    due: 'Due {{time}}',
    notDue: 'Waiting for a supervisor',
    unassigned: 'Unassigned',
    assignee: 'For {{name}}',
    reservedUntil: 'Offered only to its agent until {{time}}',
    assignTo: 'Assign to',
    assign: 'Assign',
    assignFailed: 'Could not assign: {{message}}',
    followUpIn: 'Follow up',
    followUpDefault: 'At the usual time',
    in: { 60: 'In 1 hour', 240: 'In 4 hours', 1440: 'Tomorrow', 4320: 'In 3 days' },
    escalationHint: 'A supervisor hands this case to someone who can take it further.',
  },
  /** The knowledge-base editor. */
  kb: {
    title: 'Knowledge base',
    backToFloor: 'Back to the floor',
    language: 'Language',
    new: 'New article',
    draft: 'unpublished',
    articleTitle: 'Title',
    category: 'Category',
    tags: 'Tags (comma-separated)',
    published: 'Published: the assistant and the search may use it',
    body: 'Body (Markdown; HTML is not shown)',
    preview: 'Preview',
    save: 'Save',
    delete: 'Delete',
    cancel: 'Cancel',
    saved: 'Saved',
  },
  /** Why a request reached this agent beyond its queue's own rules: RoutingReason codes, ':' read as '_'. */
  routing: {
    title: 'Routing',
    queue: 'Queue: {{queue}}',
    widened_neighbour_skill:
      'After {{afterSeconds}} s with no {{required}} specialist online, widened to {{added}} agents',
    widened_any_skill:
      'After {{afterSeconds}} s with no {{required}} specialist online, widened to any agent who speaks the language',
    fallback_language:
      'After {{afterSeconds}} s with nobody online who speaks {{requested}}, offered to {{language}} speakers',
    fallbackNote: 'Note from operations: {{note}}',
    escalated_priority: 'Priority raised by {{points}} after {{afterSeconds}} s of waiting',
    escalated_supervisor: 'A supervisor was alerted after {{afterSeconds}} s',
    alerts: 'Escalated by routing',
    noAlerts: 'No escalations',
    alertLine: '{{queue}} · {{category}} · {{language}} · waited {{seconds}} s',
  },
};
export type FloorMessages = typeof floorEn;
