// The knowledge-base assistant: what the widget says around it, how its lines are labelled, and
// why it handed a case over, for agents and supervisors. Kept apart so en.ts stays readable.
import type { HandoffReason } from '@lifeline/core/protocol/vocabulary.js';

export const assistantEn = {
  assistant: {
    name: 'Assistant',
    tryFirst: 'Let the assistant try first',
    tryFirstHint: 'It answers from our help centre at once; a person is one tap away.',
    holding: 'The assistant is answering from our help centre. A person can take over at any time.',
    solved: 'This solved it',
    stillNeedHelp: 'Still need help',
    human: 'Talk to a person',
    selfServed: 'Glad that helped! This request is closed; you can ask again at any time.',
    articles: 'Articles',
    openArticle: 'Read “{{title}}”',
    closeArticle: 'Close article',
    articleLoading: 'Loading the article…',
    articleUnavailable: 'The article could not be loaded',
    suggestions: 'These articles may answer it already',
    handedOver: 'The assistant stepped aside: {{reason}}',
    handoff: {
      urgent: 'urgent, so straight to a person',
      asked_for_human: 'asked for a person',
      no_confident_match: 'no article matched well',
      not_helped_twice: 'the articles did not help',
      language_not_supported: 'no articles in the user’s language',
      recorded_message: 'sent a recording',
      unanswered: 'the user went quiet',
      assistant_unavailable: 'the assistant could not answer',
    } satisfies Record<HandoffReason, string>,
    card: 'Assistant',
    held: 'Answered first',
    selfServedCount: 'Self-served',
    deflection: 'Deflection rate',
    handoffs: 'Handoffs by reason',
    noHandoffs: 'No handoffs yet',
  },
};
export type AssistantMessages = typeof assistantEn;
