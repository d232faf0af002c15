import type { TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { Category, Channel, Tier } from '../../protocol/domain.js';
import { problem, type PolicyProblem, type PolicyProblemCode } from './problems.js';

/**
 * TypeBox's errors, made readable for an operator: a word outside the vocabulary is named with
 * the words allowed, and a step with a known `action` is checked against that action's shape only
 * (TypeBox alone would report every variant of the union, most of them irrelevant).
 */

const VOCABULARY = new Map<TSchema, Exclude<PolicyProblemCode, 'schema'>>([
  [Tier, 'unknown_tier'],
  [Category, 'unknown_category'],
  [Channel, 'unknown_channel'],
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const literalOf = (schema: TSchema | undefined): unknown =>
  (schema as { const?: unknown } | undefined)?.const;

const propertyOf = (schema: TSchema | undefined, key: string): TSchema | undefined =>
  (schema as { properties?: Record<string, TSchema> } | undefined)?.properties?.[key];

const variantsOf = (error: ValueError): TSchema[] => (error.schema as { anyOf?: TSchema[] }).anyOf ?? [];

/** The property every variant pins to a literal (`action` for escalation steps). */
function discriminator(variants: TSchema[]): string | undefined {
  const first = (variants[0] as { properties?: Record<string, TSchema> } | undefined)?.properties ?? {};
  return Object.keys(first).find((key) => variants.every((v) => literalOf(propertyOf(v, key)) !== undefined));
}

function vocabularyCode(error: ValueError): PolicyProblemCode {
  const code = VOCABULARY.get(error.schema);
  if (code === 'unknown_category' && /\/(requiredSkills|skillNeighbours)\//.test(error.path))
    return 'unknown_skill';
  return code ?? 'schema';
}

function unionProblems(error: ValueError): PolicyProblem[] {
  const variants = variantsOf(error);
  const key = discriminator(variants);
  if (key === undefined) {
    const allowed = variants.map(literalOf).join(', ');
    const code = vocabularyCode(error);
    // A vocabulary word is named by its kind (tier, skill…); any other choice by its field (when).
    const word = code === 'schema' ? error.path.split('/').pop() : code.replace('unknown_', '');
    return [
      problem(
        error.path,
        code,
        `unknown ${word} ${JSON.stringify(error.value)}; expected one of: ${allowed}`,
      ),
    ];
  }
  if (!isRecord(error.value)) return [problem(error.path, 'schema', 'Expected object')];
  const wanted = error.value[key];
  const index = variants.findIndex((v) => literalOf(propertyOf(v, key)) === wanted);
  if (index < 0) {
    const allowed = variants.map((v) => literalOf(propertyOf(v, key)));
    return [
      problem(
        `${error.path}/${key}`,
        'schema',
        `unknown ${key} ${JSON.stringify(wanted)}; expected one of: ${allowed.join(', ')}`,
      ),
    ];
  }
  return [...error.errors[index]!].flatMap(readable);
}

function readable(error: ValueError): PolicyProblem[] {
  if (error.type === ValueErrorType.Union) return unionProblems(error);
  return [problem(error.path, 'schema', error.message)];
}

/** Every schema problem, one per path (TypeBox reports a missing property twice). */
export function schemaProblems(schema: TSchema, value: unknown): PolicyProblem[] {
  const seen = new Set<string>();
  const problems: PolicyProblem[] = [];
  for (const found of [...Value.Errors(schema, value)].flatMap(readable)) {
    if (seen.has(found.path)) continue;
    seen.add(found.path);
    problems.push(found);
  }
  return problems;
}
