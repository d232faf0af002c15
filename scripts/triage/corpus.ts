import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CategoryName, Sentiment, UrgencyLevel } from '../../core/protocol/vocabulary.js';
import { REPO_ROOT } from '../lib/paths.js';

/** One labelled request, written to the rubric in data/triage/README.md. */
export interface Labelled {
  text: string;
  lang: string;
  category: CategoryName;
  level: UrgencyLevel;
  sentiment: Sentiment;
  tags: string[];
}

export const TRIAGE_DATA = join(REPO_ROOT, 'data', 'triage');

/** Every line of every `.jsonl` file in a directory under data/triage (e.g. `train`, `heldout/2026-12-05`). */
export function readSet(relative: string): Labelled[] {
  const dir = join(TRIAGE_DATA, relative);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as Labelled),
    );
}
