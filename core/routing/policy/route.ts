import type { Channel, Tier } from '../../protocol/vocabulary.js';
import { primaryLanguage } from '../eligibility.js';
import type { MatchCondition, PolicyQueue } from './schema.js';
import type { ValidPolicy } from './validate.js';

/** What routing looks at to pick a queue: who is asking, about what, in which language, how. */
export interface RouteSubject {
  tier: Tier;
  category: string;
  language: string;
  channel: Channel;
}

export interface QueueRoute {
  queue: PolicyQueue;
  /** Index of the condition in `queue.match` that took the request; null when it fell to the default queue. */
  condition: number | null;
}

const sameLanguage = (languages: readonly string[], language: string) =>
  languages.some((tag) => primaryLanguage(tag) === primaryLanguage(language));

export function conditionMatches(condition: MatchCondition, subject: RouteSubject): boolean {
  return (
    (condition.tiers === undefined || condition.tiers.includes(subject.tier)) &&
    (condition.categories === undefined ||
      (condition.categories as readonly string[]).includes(subject.category)) &&
    (condition.languages === undefined || sameLanguage(condition.languages, subject.language)) &&
    (condition.channels === undefined || condition.channels.includes(subject.channel))
  );
}

/** The first queue, in the document's order, with a condition the request meets; else the default. */
export function routeFor(subject: RouteSubject, policy: ValidPolicy): QueueRoute {
  for (const queue of policy.document.queues) {
    const condition = (queue.match ?? []).findIndex((c) => conditionMatches(c, subject));
    if (condition >= 0) return { queue, condition };
  }
  return { queue: policy.defaultQueue, condition: null };
}
