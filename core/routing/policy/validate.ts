import { Value } from '@sinclair/typebox/value';
import { semanticProblems } from './checks.js';
import type { PolicyProblem } from './problems.js';
import { RoutingPolicyDocument, type PolicyQueue } from './schema.js';
import { schemaProblems } from './schemaProblems.js';

declare const validated: unique symbol;

/**
 * A policy that passed every check, frozen. Only `validatePolicy` makes one, so routing never
 * sees a document that is half right.
 */
export interface ValidPolicy {
  readonly [validated]: true;
  readonly document: RoutingPolicyDocument;
  readonly defaultQueue: PolicyQueue;
  /** Skill → its neighbours; a skill not listed has none. */
  readonly neighbours: Readonly<Record<string, readonly string[]>>;
}

export type PolicyValidation = { ok: true; policy: ValidPolicy } | { ok: false; problems: PolicyProblem[] };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Every problem with the document, schema and meaning alike, or the policy ready to route with. */
export function validatePolicy(doc: unknown): PolicyValidation {
  const problems = [...schemaProblems(RoutingPolicyDocument, doc), ...semanticProblems(doc)];
  if (problems.length > 0 || !Value.Check(RoutingPolicyDocument, doc)) return { ok: false, problems };
  const document = deepFreeze(Value.Clone(doc));
  const policy = {
    document,
    defaultQueue: document.queues.find((q) => q.name === document.defaultQueue)!,
    neighbours: document.skillNeighbours ?? {},
  };
  return { ok: true, policy: policy as unknown as ValidPolicy };
}
