import type { KbSuggestions } from '../../core/protocol/kb.js';
import type { CategoryName } from '../../core/protocol/vocabulary.js';
import { primaryLanguage } from '../../core/routing/eligibility.js';
import type { KbRepository } from '../../platform/db/KbRepository.js';
import type { Principal } from '../auth/principal.js';
import type { ConversationService } from '../conversations/ConversationService.js';
import type { HelpRequestService } from '../help-requests/HelpRequestService.js';
import { quickRepliesFor } from '../quick-replies/catalogue.js';

/** How many of the user's latest lines the suggestions read besides the request's own text. */
const RECENT_USER_LINES = 3;
const SUGGESTED_ARTICLES = 3;
/** The search query is bounded like a public one; the latest words matter most. */
const MAX_QUERY_CHARS = 500;

/**
 * What the console suggests to the agent on a case: the articles that match what the user has
 * said (the request and their latest lines), in the user's language, and the catalogue's replies
 * for its category. The agent edits a suggestion before sending it; nothing is sent from here.
 */
export class Suggestions {
  constructor(
    private readonly deps: {
      kb: Pick<KbRepository, 'search'>;
      conversations: Pick<ConversationService, 'list'>;
      requests: Pick<HelpRequestService, 'record'>;
    },
  ) {}

  /**
   * For the agent offered or serving the case, or a supervisor (the conversation's own rights);
   * with the console's language, each reply carries its gloss in it.
   */
  async forCase(principal: Principal, requestId: string, agentLanguage?: string): Promise<KbSuggestions> {
    const lines = await this.deps.conversations.list(principal, requestId, { limit: 50 });
    const record = await this.deps.requests.record(requestId);
    const language = primaryLanguage(record?.language ?? 'en');
    const said = [
      ...lines
        .filter((line) => line.role === 'user' && line.body)
        .slice(-RECENT_USER_LINES)
        .map((line) => line.body)
        .reverse(),
      record?.transcript?.text ?? '',
      record?.text ?? '',
    ]
      .join(' ')
      .slice(0, MAX_QUERY_CHARS);
    const articles = said.trim()
      ? await this.deps.kb.search(said, { language, limit: SUGGESTED_ARTICLES })
      : [];
    const category = (record?.category ?? 'general') as CategoryName;
    const { replies } = quickRepliesFor(category, record?.language ?? 'en', agentLanguage);
    return { language, articles, replies };
  }
}
