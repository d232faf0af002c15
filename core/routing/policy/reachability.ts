import { CATEGORIES, CHANNELS, TIERS } from '../../protocol/vocabulary.js';
import { primaryLanguage } from '../eligibility.js';
import { problem, type PolicyProblem } from './problems.js';
import { conditionMatches, type RouteSubject } from './route.js';
import type { MatchCondition } from './schema.js';

/**
 * Which queues and conditions can ever take a request. The space of requests is finite once
 * languages are reduced to those the policy names plus "any other", so every combination is tried
 * (a few thousand at most): a queue covered by several earlier ones together is found too, which
 * comparing conditions pairwise would miss.
 */

export interface ReachQueue {
  index: number;
  name: string;
  match: readonly MatchCondition[];
}

function* everySubject(queues: readonly ReachQueue[]): Generator<RouteSubject> {
  const named = queues.flatMap((q) => q.match.flatMap((c) => (c.languages ?? []).map(primaryLanguage)));
  // No language tag is made of digits, so this one stands for every language the policy does not name.
  const languages = [...new Set(named), '00'];
  for (const tier of TIERS)
    for (const category of CATEGORIES)
      for (const channel of CHANNELS)
        for (const language of languages) yield { tier, category, channel, language };
}

export function reachabilityProblems(queues: readonly ReachQueue[], defaultQueue: string): PolicyProblem[] {
  const reachedQueue = new Set<number>();
  const reachedCondition = new Set<string>();
  const takenBy = new Map<string, Set<string>>();
  for (const subject of everySubject(queues)) {
    const winner = queues.find((q) => q.match.some((c) => conditionMatches(c, subject)));
    if (!winner) continue;
    reachedQueue.add(winner.index);
    for (const queue of queues) {
      queue.match.forEach((condition, i) => {
        if (!conditionMatches(condition, subject)) return;
        const key = `${queue.index}/${i}`;
        if (queue === winner) reachedCondition.add(key);
        else takenBy.set(key, (takenBy.get(key) ?? new Set()).add(winner.name));
      });
    }
  }
  const problems: PolicyProblem[] = [];
  for (const queue of queues) {
    const by = (i: number) => [...(takenBy.get(`${queue.index}/${i}`) ?? [])].join(', ');
    if (!reachedQueue.has(queue.index)) {
      if (queue.name === defaultQueue) continue;
      const why =
        queue.match.length === 0
          ? 'it has no match conditions and is not the default queue'
          : `every request it matches is taken by an earlier queue (${queue.match.map((_, i) => by(i)).join(', ')})`;
      problems.push(
        problem(
          `/queues/${queue.index}`,
          'queue_unreachable',
          `queue "${queue.name}" is never joined: ${why}`,
        ),
      );
      continue;
    }
    queue.match.forEach((_, i) => {
      if (reachedCondition.has(`${queue.index}/${i}`)) return;
      problems.push(
        problem(
          `/queues/${queue.index}/match/${i}`,
          'match_shadowed',
          `never applies: every request it matches is taken by an earlier queue (${by(i)})`,
        ),
      );
    });
  }
  return problems;
}
