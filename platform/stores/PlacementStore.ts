import type { AgentSkills } from '../../core/routing/eligibility.js';
import type { Placement } from '../../core/routing/policy/placement.js';
import type { RoutingReason } from '../../core/routing/policy/reasons.js';
import type { RouteSubject } from '../../core/routing/policy/route.js';
import type { Channel, Tier } from '../../core/protocol/vocabulary.js';
import { asStrings } from './LuaScript.js';
import { encodePlacement } from './placementFields.js';
import { decodeReasons, parseJson } from './records.js';
import { ScriptedStore } from './ScriptedStore.js';

/** A request whose queue must decide again, with what the decision reads. */
export interface DuePlacement {
  id: string;
  /** As stored: the decision applies only if it is still this (see PLACE). */
  stepDueAt: string;
  subject: RouteSubject;
  createdAt: number;
  score: number;
  reasons: RoutingReason[];
  alertStep: number | null;
}

const FIELDS_PER_DUE = 10;
/** The floor shows this many of the latest alerts. */
const ALERTS_KEPT = 50;

/** A routing step that asked for a supervisor: ids and codes only, no words a user wrote. */
export interface PolicyAlertEntry {
  requestId: string;
  queue: string;
  category: string;
  language: string;
  waitedSeconds: number;
  at: number;
  reasons: RoutingReason[];
}

/** Routing policy decisions in Redis: the requests due for one, applying one, and who is online to count. */
export class PlacementStore extends ScriptedStore {
  async due(now: number, limit: number): Promise<DuePlacement[]> {
    const flat = asStrings(await this.run('duePlacements', this.key('policy:due'), [now, limit]));
    const due: DuePlacement[] = [];
    for (let i = 0; i + FIELDS_PER_DUE <= flat.length; i += FIELDS_PER_DUE) {
      const [id, stepDueAt, tier, category, language, channel, createdAt, score, reasons, alertStep] =
        flat.slice(i, i + FIELDS_PER_DUE) as [string, ...string[]];
      due.push({
        id,
        stepDueAt: stepDueAt ?? '',
        subject: {
          tier: (tier || 'regular') as Tier,
          category: category || 'general',
          language: language ?? '',
          channel: (channel || 'text') as Channel,
        },
        createdAt: Number(createdAt),
        score: Number(score),
        reasons: decodeReasons(reasons),
        alertStep: alertStep ? Number(alertStep) : null,
      });
    }
    return due;
  }

  /**
   * Every waiting request is decided again at the next sweep (a new policy is in force), a page at
   * a time so a long line never blocks Redis. Returns how many.
   */
  async allDue(pageSize = 1000): Promise<number> {
    let count = 0;
    for (let start = 0; ; start += pageSize) {
      const ids = await this.redis.zrange(this.key('queue'), start, start + pageSize - 1);
      if (ids.length === 0) return count;
      await this.redis.zadd(this.key('policy:due'), ...ids.flatMap((id) => [0, id]));
      count += ids.length;
    }
  }

  /** Applies a decision made from `expectedDue`; see PLACE for what it returns. */
  async place(id: string, expectedDue: string, rank: number, placement: Placement): Promise<string> {
    const args = [id, expectedDue, rank, ...encodePlacement(placement)];
    return String(await this.run('place', this.key('req', id), args));
  }

  async alert(entry: PolicyAlertEntry): Promise<void> {
    const key = this.key('policy:alerts');
    await this.redis
      .multi()
      .lpush(key, JSON.stringify(entry))
      .ltrim(key, 0, ALERTS_KEPT - 1)
      .exec();
  }

  /** The latest alerts, newest first. */
  async alerts(limit = ALERTS_KEPT): Promise<PolicyAlertEntry[]> {
    const raw = await this.redis.lrange(this.key('policy:alerts'), 0, limit - 1);
    return raw
      .map((line) => parseJson<PolicyAlertEntry | null>(line, null))
      .filter((entry): entry is PolicyAlertEntry => entry !== null);
  }

  /** Every agent online, busy or not, with the languages and skills it is indexed under. */
  async onlineAgentSkills(): Promise<AgentSkills[]> {
    const ids = await this.redis.smembers(this.key('agents:online'));
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hmget(this.key('presence', id), 'routeLangs', 'routeSkills');
    const replies = (await pipeline.exec()) ?? [];
    return replies.map(([, value]) => {
      const [langs, skills] = (value ?? []) as (string | null)[];
      return { languages: parseJson<string[]>(langs, []), skills: parseJson<string[]>(skills, []) };
    });
  }
}
