/**
 * Multinomial logistic regression over present/absent features: one weight per feature and
 * class, summed with the class's bias and turned into probabilities by softmax. Chosen over
 * nlp.js's classifier because its decision is a sum we can show: the features that pushed the
 * winning class hardest are the reasons an agent reads. Trained by scripts/triage/train.ts.
 */

export interface LinearHead<C extends string = string> {
  classes: readonly C[];
  bias: readonly number[];
  /** Per feature, one weight per class, as integers in thousandths (a smaller file). */
  weights: Readonly<Record<string, readonly number[]>>;
}

export interface Prediction<C extends string> {
  label: C;
  probability: number;
  /** The features that most favoured `label` over the other classes, strongest first. */
  strongest: string[];
}

const SCALE = 1000;

/** FNV-1a: looking features up by a number is several times faster than by a freshly built string. */
export function featureHash(feature: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < feature.length; i += 1) {
    hash ^= feature.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Several heads over one feature space, indexed once so a text's features are looked up once for all. */
export interface CompiledHeads {
  index: Map<number, number>;
  names: string[];
  /** Per head, its weights for every indexed feature (zero where it has none), row by row. */
  weights: Int32Array[];
}

export function compileHeads(heads: readonly LinearHead[]): CompiledHeads {
  const names = [...new Set(heads.flatMap((head) => Object.keys(head.weights)))];
  const weights = heads.map((head) => {
    const k = head.classes.length;
    const rows = new Int32Array(names.length * k);
    names.forEach((name, f) => {
      const row = head.weights[name];
      if (row) rows.set(row, f * k);
    });
    return rows;
  });
  return { index: new Map(names.map((name, f) => [featureHash(name), f])), names, weights };
}

/** The indexed features of a text (unknown ones dropped). */
export function lookUp(compiled: CompiledHeads, features: readonly string[]): number[] {
  const found: number[] = [];
  for (const feature of features) {
    const f = compiled.index.get(featureHash(feature));
    if (f !== undefined) found.push(f);
  }
  return found;
}

export function predictHead<C extends string>(
  head: LinearHead<C>,
  weights: Int32Array,
  names: readonly string[],
  seen: readonly number[],
  explain = 3,
): Prediction<C> {
  const k = head.classes.length;
  const logits = head.bias.map((b) => b * SCALE);
  for (const f of seen) for (let c = 0; c < k; c += 1) logits[c]! += weights[f * k + c]!;
  let best = 0;
  for (let c = 1; c < k; c += 1) if (logits[c]! > logits[best]!) best = c;
  const max = logits[best]!;
  const exps = logits.map((z) => Math.exp((z - max) / SCALE));
  const total = exps.reduce((a, b) => a + b, 0);
  return {
    label: head.classes[best]!,
    probability: exps[best]! / total,
    strongest: strongestFor(seen, best, k, weights, explain).map((f) => names[f]!),
  };
}

/** The `limit` features that favoured class `best` most over the mean of all classes. */
function strongestFor(
  seen: readonly number[],
  best: number,
  k: number,
  weights: Int32Array,
  limit: number,
): number[] {
  const top: { f: number; push: number }[] = [];
  if (limit === 0) return [];
  for (const f of seen) {
    let sum = 0;
    for (let c = 0; c < k; c += 1) sum += weights[f * k + c]!;
    const push = weights[f * k + best]! - sum / k;
    if (push <= 0 || (top.length === limit && push <= top[top.length - 1]!.push)) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.push < push) at -= 1;
    top.splice(at, 0, { f, push });
    if (top.length > limit) top.pop();
  }
  return top.map((t) => t.f);
}
