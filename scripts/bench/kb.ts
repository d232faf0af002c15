import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { DEFAULT_ASSISTANT_SETTINGS, decideFirstReply } from '../../core/assistant/decide.js';
import { scoreUrgency } from '../../core/urgency/score.js';
import { loadConfig } from '../../server/config/load.js';
import databasePlugin from '../../server/plugins/database.js';
import { KbRepository } from '../../platform/db/KbRepository.js';
import { dropSchema } from '../../test/support/database.js';
import { demoArticles } from '../lib/demo-kb.js';
import type { LabelledQuestion } from '../lib/kbEval.js';
import { REPO_ROOT } from '../lib/paths.js';
import { benchEnv } from './stack.js';

/** The settings the assistant runs with by default, as the evaluation test holds it to them. */
const SETTINGS = DEFAULT_ASSISTANT_SETTINGS;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * The assistant's reply time with a knowledge base of `articles` articles in PostgreSQL: the demo
 * set, then variants of it (each topic rewritten with a numbered suffix and a shuffled tag), so
 * the index holds many near neighbours; every labelled question is asked `rounds` times, one at
 * a time, and each reply is the search plus the urgency score plus the decision.
 */
export async function benchAssistantLatency(options: {
  articles: number;
  rounds: number;
  onProgress: (line: string) => void;
}) {
  const config = loadConfig(benchEnv('kb'));
  const app = Fastify({ logger: { level: 'error' } });
  try {
    await app.register(databasePlugin, { target: config.database });
    await app.ready();
    const kb = new KbRepository(app.db);
    const demo = demoArticles();
    for (let i = 0; i < options.articles; i += 1) {
      const { key: _key, ...article } = demo[i % demo.length]!;
      const round = Math.floor(i / demo.length);
      await kb.create({
        ...article,
        category: article.category as never,
        title: round === 0 ? article.title : `${article.title} (${round})`,
        tags: round === 0 ? article.tags : [...article.tags].reverse().slice(0, 3),
      });
    }
    options.onProgress(`${options.articles} articles written`);
    const questions = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'kb-questions.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as LabelledQuestion);
    const times: number[] = [];
    for (let round = 0; round < options.rounds; round += 1)
      for (const question of questions) {
        const started = performance.now();
        const hits = await kb.search(question.text, { language: question.lang, limit: 3 });
        const urgency = scoreUrgency({
          text: question.text,
          language: question.lang,
          tier: 'regular',
          repeatContacts: 0,
        });
        decideFirstReply(
          { text: question.text, language: question.lang, level: urgency.level, tier: 'regular', hits },
          SETTINGS,
        );
        times.push(performance.now() - started);
      }
    times.sort((a, b) => a - b);
    return {
      articles: options.articles,
      replies: times.length,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      maxMs: times.at(-1) ?? 0,
    };
  } finally {
    await app.close();
    await dropSchema(config.database.databaseSchema);
  }
}
