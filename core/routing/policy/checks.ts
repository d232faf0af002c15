import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { CATEGORIES, GENERAL_CATEGORY } from '../../protocol/vocabulary.js';
import { problem, type PolicyProblem } from './problems.js';
import { reachabilityProblems, type ReachQueue } from './reachability.js';
import { MatchCondition } from './schema.js';

/**
 * What a schema cannot say: names that must agree across the document, steps in time order, steps
 * that could never change anything, queues nothing reaches. These run on the parts of a document
 * that are well formed even when other parts are not, so one pass lists every problem.
 */

type Loose = Record<string, unknown>;
const isRecord = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asRecords = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.map((item) => (isRecord(item) ? item : {})) : [];
const pointerKey = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
const Conditions = Type.Array(MatchCondition);

function nameProblems(queues: Loose[], defaultQueue: unknown): PolicyProblem[] {
  const firstAt = new Map<string, number>();
  const problems: PolicyProblem[] = [];
  queues.forEach((queue, i) => {
    if (typeof queue.name !== 'string') return;
    const first = firstAt.get(queue.name);
    if (first === undefined) firstAt.set(queue.name, i);
    else
      problems.push(
        problem(`/queues/${i}/name`, 'duplicate_queue', `"${queue.name}" is already /queues/${first}`),
      );
  });
  if (typeof defaultQueue === 'string' && !firstAt.has(defaultQueue)) {
    const known = [...firstAt.keys()].join(', ');
    problems.push(
      problem('/defaultQueue', 'unknown_queue', `no queue is named "${defaultQueue}" (queues: ${known})`),
    );
  }
  return problems;
}

function neighbourKeyProblems(neighbours: Loose): PolicyProblem[] {
  const known: readonly string[] = CATEGORIES;
  return Object.keys(neighbours)
    .filter((skill) => !known.includes(skill))
    .map((skill) =>
      problem(
        `/skillNeighbours/${pointerKey(skill)}`,
        'unknown_skill',
        `unknown skill ${JSON.stringify(skill)}; expected one of: ${CATEGORIES.join(', ')}`,
      ),
    );
}

/** The skills a queue may end up requiring: its own list, or the categories that can reach it. */
function possibleSkills(queue: Loose, isDefault: boolean): string[] {
  if (Array.isArray(queue.requiredSkills)) return queue.requiredSkills.filter((s) => typeof s === 'string');
  const conditions = asRecords(queue.match);
  const open = isDefault || conditions.some((c) => !Array.isArray(c.categories));
  const categories = open ? [...CATEGORIES] : conditions.flatMap((c) => c.categories as unknown[]);
  return categories.filter((c): c is string => typeof c === 'string' && c !== GENERAL_CATEGORY);
}

function stepProblems(queue: Loose, index: number, neighbours: Loose, isDefault: boolean): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const hasNeighbours = possibleSkills(queue, isDefault).some((s) => {
    const list = neighbours[s];
    return Array.isArray(list) && list.length > 0;
  });
  let previous: number | undefined;
  let anySkill = false;
  let widened = false;
  const fallbacks = new Set<unknown>();
  asRecords(queue.escalation).forEach((step, k) => {
    const at = `/queues/${index}/escalation/${k}`;
    if (typeof step.afterSeconds === 'number') {
      if (previous !== undefined && step.afterSeconds <= previous) {
        const message = `${step.afterSeconds} s is not after the step before it (${previous} s)`;
        problems.push(problem(`${at}/afterSeconds`, 'steps_not_increasing', message));
      }
      previous = step.afterSeconds;
    }
    if (step.action === 'widen_to_neighbour_skills') {
      if (anySkill || widened)
        problems.push(problem(at, 'step_without_effect', 'skills are already widened'));
      else if (!hasNeighbours)
        problems.push(
          problem(
            at,
            'neighbour_step_without_neighbours',
            'skillNeighbours names no neighbour for any skill this queue requires',
          ),
        );
      widened = true;
    } else if (step.action === 'widen_to_any_skill') {
      if (anySkill) problems.push(problem(at, 'step_without_effect', 'any skill is already allowed'));
      anySkill = true;
    } else if (step.action === 'fallback_language') {
      if (fallbacks.has(step.language))
        problems.push(problem(at, 'step_without_effect', 'that language is already added'));
      fallbacks.add(step.language);
    }
  });
  return problems;
}

/** Reachability needs every queue's name and conditions well formed; otherwise it would guess. */
function reachQueues(queues: Loose[]): ReachQueue[] | undefined {
  const ready = queues.every(
    (q) => typeof q.name === 'string' && (q.match === undefined || Value.Check(Conditions, q.match)),
  );
  if (!ready) return undefined;
  return queues.map((q, index) => ({
    index,
    name: q.name as string,
    match: (q.match as MatchCondition[]) ?? [],
  }));
}

export function semanticProblems(doc: unknown): PolicyProblem[] {
  if (!isRecord(doc)) return [];
  const queues = asRecords(doc.queues);
  const neighbours = isRecord(doc.skillNeighbours) ? doc.skillNeighbours : {};
  const problems = [
    ...nameProblems(queues, doc.defaultQueue),
    ...neighbourKeyProblems(neighbours),
    ...queues.flatMap((queue, i) => stepProblems(queue, i, neighbours, queue.name === doc.defaultQueue)),
  ];
  const reach = reachQueues(queues);
  if (reach && typeof doc.defaultQueue === 'string')
    problems.push(...reachabilityProblems(reach, doc.defaultQueue));
  return problems;
}
