import type { Figure } from './report.js';

/** What the entry lends a group: a progress line printer and a place for its charts and tables. */
export interface GroupContext {
  progress: (line: string) => void;
  writeResult: (file: string, content: string) => void;
}

export interface GroupResult {
  figures: Figure[];
  /** Merged into the report's `raw`, keyed as the JSON has always keyed it. */
  raw: Record<string, unknown>;
}

/** One measured thing; `npm run bench -- p1 dispatch` runs only the groups named. */
export interface BenchGroup {
  /** Printed as `[bench] <title>` before it runs. */
  title: string;
  run: (context: GroupContext) => Promise<GroupResult>;
}
