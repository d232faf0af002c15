import type { MyHelpRequest } from '../../core/protocol/helpRequests.js';
import type { Channel } from '../../core/protocol/vocabulary.js';
import { OPEN_CASE_STATES, type CaseRepository } from '../../platform/db/CaseRepository.js';
import type { LifelineTokens } from '../auth/LifelineTokens.js';

/** How many of their cases a user is shown, newest first. */
const LIST_LIMIT = 50;

/** A signed-in user's own cases, from the system of record, so any device can pick up an open one. */
export class UserCases {
  constructor(
    private readonly cases: CaseRepository,
    private readonly tokens: LifelineTokens,
  ) {}

  async list(userId: string): Promise<MyHelpRequest[]> {
    const rows = await this.cases.casesOf(userId, LIST_LIMIT);
    return Promise.all(
      rows.map(async (row) => {
        const open = (OPEN_CASE_STATES as readonly string[]).includes(row.state);
        return {
          id: row.id,
          state: row.state,
          channel: row.channel as Channel,
          category: row.category,
          createdAt: new Date(row.created_at).toISOString(),
          ...(row.ended_at ? { endedAt: new Date(row.ended_at).toISOString() } : {}),
          ...(open ? { accessToken: await this.tokens.signRequest(row.id, userId) } : {}),
        };
      }),
    );
  }
}
