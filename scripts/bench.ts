/**
 * `npm run bench`: figures measured in one run on this machine, each against a baseline from the
 * same run. Each group lives in scripts/bench/groups/ with its goals beside the figures that use
 * them; a missed goal is reported and makes the exit code 1.
 *   voice  — upload → scored through API, BullMQ and a worker, over whisper.cpp run directly on
 *            the same audio with the same options (goal ≤ 1.10); and whisper's real-time factor.
 *   scorer — messages scored per second.
 *   cases — help requests created per second over HTTP with PostgreSQL, over bare INSERTs.
 *   rebuild — time to rebuild the Redis queue from 100,000 open cases in PostgreSQL.
 *   messages — a conversation line from one API instance to the other side's socket on another.
 *   eta — the ETA shown to waiting users against simulated waits, by skill group (no stack).
 *   captions — end of an utterance → live caption at the agent, for N concurrent calls.
 * Writes bench/results/latest.json and latest.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchGroup, GroupContext } from './bench/group.js';
import { captions } from './bench/groups/captions.js';
import { cases, rebuild } from './bench/groups/cases.js';
import { p6, scaleout } from './bench/groups/enqueue.js';
import { eta } from './bench/groups/eta.js';
import { kb } from './bench/groups/kb.js';
import { dispatch, p1, starvation } from './bench/groups/pairing.js';
import { scorer } from './bench/groups/scorer.js';
import { p3 } from './bench/groups/simulator.js';
import { messages, p2 } from './bench/groups/sockets.js';
import { voice } from './bench/groups/voice.js';
import { writeResults, type Figure } from './bench/report.js';
import { REPO_ROOT } from './lib/paths.js';

const RESULTS = join(REPO_ROOT, 'bench', 'results');

/** In the order a full run measures them; `npm run bench -- p1 dispatch` runs only those named. */
const GROUPS: Record<string, BenchGroup> = {
  scorer,
  p1,
  p2,
  p6,
  scaleout,
  p3,
  eta,
  voice,
  starvation,
  dispatch,
  cases,
  rebuild,
  messages,
  kb,
  captions,
};

const context: GroupContext = {
  progress: (line) => console.log(`  ${line}`),
  writeResult: (file, content) => {
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, file), content);
  },
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in GROUPS));
if (unknown.length > 0) {
  console.error(`unknown bench group(s): ${unknown.join(', ')}; known: ${Object.keys(GROUPS).join(', ')}`);
  process.exit(2);
}
const figures: Figure[] = [];
const raw: Record<string, unknown> = {};
for (const [name, group] of Object.entries(GROUPS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`[bench] ${group.title}`);
  const result = await group.run(context);
  figures.push(...result.figures);
  Object.assign(raw, result.raw);
}
// A partial run writes beside the full one rather than over it.
const stem = wanted.length === 0 ? 'latest' : `latest-${wanted.join('-')}`;
console.log(`\n${writeResults(RESULTS, stem, figures, raw)}`);
process.exit(figures.every((f) => f.met) ? 0 : 1);
