import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';

/** The demo knowledge base: config/kb/demo-articles.json, English and Chinese versions per topic. */
export const DEMO_KB_FILE = join(REPO_ROOT, 'config', 'kb', 'demo-articles.json');

interface DemoArticle {
  key: string;
  title: string;
  body: string;
  language: string;
  category: string;
  tags: string[];
}

export function demoArticles(): DemoArticle[] {
  return JSON.parse(readFileSync(DEMO_KB_FILE, 'utf8')) as DemoArticle[];
}

/**
 * Seeds the demo articles through the admin API, once: a knowledge base that has any article
 * is left as it is (an operator's edits are never overwritten). Returns how many were added.
 */
export async function seedDemoKb(baseUrl: string, adminToken: string): Promise<number> {
  const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const existing = await fetch(`${baseUrl}/v1/admin/kb/articles?limit=1`, { headers });
  if (!existing.ok) throw new Error(`knowledge base list failed: ${existing.status}`);
  if (((await existing.json()) as { articles: unknown[] }).articles.length > 0) return 0;
  let added = 0;
  for (const { key: _key, ...article } of demoArticles()) {
    const created = await fetch(`${baseUrl}/v1/admin/kb/articles`, {
      method: 'POST',
      headers,
      body: JSON.stringify(article),
    });
    if (created.status !== 201) throw new Error(`demo article "${article.title}" refused: ${created.status}`);
    added += 1;
  }
  return added;
}
