import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { api } from '../support/clients.js';
import type { Instance } from '../support/cluster.js';
import { WebHarness } from '../support/webHarness.js';

/**
 * The knowledge-base assistant in the browser: it answers a text request in the widget with an
 * article the user can open in place; "Talk to a person" hands the case to an agent, whose offer
 * says why and whose console shows the whole transcript, and the assistant says nothing after
 * its handoff line. "This solved it" closes the case kindly and counts on the supervisor's card.
 */
const web = new WebHarness({ OFFER_TIMEOUT_MS: '15000' });
let app: Instance;
const TITLE = 'Reset your password';
const QUESTION = 'I forgot my password, how do I reset it?';
/** The assistant's handoff line (core/assistant/phrases.ts), in English. */
const HANDING_OVER = 'passing you to a person';

beforeAll(async () => {
  app = await web.start();
  const created = await api(app, 'POST', '/v1/admin/kb/articles', {
    token: web.config.secrets.admin,
    body: {
      title: TITLE,
      body: 'Forgot your password? Tap **Forgot password** on the login screen, then follow the link we email you to reset your password and choose a new one.',
      category: 'account_security',
      language: 'en',
      tags: ['password', 'reset'],
      published: true,
    },
  });
  expect(created.status).toBe(201);
}, 60_000);
afterAll(() => web.close());

/** Each line of a chat as its class (who wrote it) and its text, oldest first. */
const linesOf = (p: Page) =>
  p
    .getByTestId('call-chat')
    .locator(':scope > li')
    .evaluateAll((items) => items.map((li) => ({ role: li.className, text: li.textContent ?? '' })));

/** Opens the widget and asks the question, leaving the assistant on (its default). */
async function askInWidget(): Promise<Page> {
  const viewer = await web.openWidget('text');
  expect(await viewer.getByTestId('help-assistant').isChecked()).toBe(true);
  await viewer.getByTestId('help-text').fill(QUESTION);
  await viewer.getByTestId('help-submit').click();
  const answer = viewer.getByTestId('assistant-line').first();
  await answer.waitFor({ timeout: 10_000 });
  // Markdown, rendered: the title is bold text, not asterisks, and also a link to the article.
  await answer.locator('strong', { hasText: TITLE }).waitFor();
  expect(await answer.textContent()).not.toContain('**');
  await answer.getByTestId('article-link').filter({ hasText: TITLE }).waitFor();
  return viewer;
}

describe('web: the assistant answers first', () => {
  it('answers with an article, hands over on request, and the agent sees why and everything said', async () => {
    const agentPage = await web.signIn(
      await web.agent('Asha Assist', { languages: ['en'], skills: ['account_security'] }),
    );
    await agentPage.getByTestId('status-available').click();

    const viewer = await askInWidget();
    // Held by the assistant: no place in line, and a person always one tap away.
    expect(await viewer.getByTestId('queue-position').count()).toBe(0);
    await viewer.getByTestId('assistant-human').waitFor();
    await viewer.getByTestId('assistant-not-helped').waitFor();

    // The article opens in place, rendered from its Markdown.
    await viewer.getByTestId('article-link').first().click();
    const article = viewer.getByTestId('article-view');
    await article.locator('strong', { hasText: 'Forgot password' }).waitFor({ timeout: 10_000 });
    expect(await article.textContent()).toContain('follow the link we email you');
    await screenshot(viewer, '60-assistant-answer');

    await viewer.getByTestId('assistant-human').click();
    await viewer.getByTestId('queue-position').waitFor({ timeout: 10_000 });
    expect(await viewer.getByTestId('assistant-panel').count()).toBe(0);
    // The transcript stays above the place in line, with the handoff line last from the assistant.
    await expect
      .poll(async () => (await linesOf(viewer)).map((l) => l.text).join('\n'))
      .toContain(HANDING_OVER);

    const offer = agentPage.getByTestId('offer-card');
    await offer.waitFor({ timeout: 15_000 });
    expect(await offer.getByTestId('handoff-reason').textContent()).toBe(
      'The assistant stepped aside: asked for a person',
    );
    await screenshot(agentPage, '61-assistant-handoff-offer');
    await agentPage.getByTestId('offer-accept').click();
    await agentPage.getByTestId('agent-conversation').waitFor({ timeout: 10_000 });
    await agentPage.locator('.side-panels').getByTestId('handoff-reason').waitFor();

    // The agent sees the whole transcript: the question, the answer with its article, the handoff.
    const agentChat = agentPage.getByTestId('call-chat');
    await agentChat.getByTestId('article-link').filter({ hasText: TITLE }).waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await linesOf(agentPage)).length).toBeGreaterThanOrEqual(2);

    // Once a person has the case, a line from the user is for them, not the assistant.
    await viewer.getByTestId('call-chat-input').fill('Thanks, I still cannot get the email');
    await viewer.getByTestId('call-chat-input').press('Enter');
    await agentPage.getByTestId('call-chat-input').fill('I will look at it with you now.');
    await agentPage.getByTestId('call-chat-input').press('Enter');
    await expect
      .poll(async () => (await linesOf(viewer)).map((l) => l.text).join('\n'))
      .toContain('look at it');

    const lines = await linesOf(agentPage);
    const handoff = lines.findIndex((l) => l.role.includes('assistant') && l.text.includes(HANDING_OVER));
    expect(handoff).toBeGreaterThan(0);
    expect(await agentPage.locator('.side-panels blockquote').textContent()).toBe(QUESTION);
    expect(lines.slice(0, handoff).some((l) => l.role.includes('assistant') && l.text.includes(TITLE))).toBe(
      true,
    );
    expect(lines.slice(handoff + 1).filter((l) => l.role.includes('assistant'))).toEqual([]);
    expect(lines.slice(handoff + 1).map((l) => l.text)).toEqual([
      'Thanks, I still cannot get the email',
      'I will look at it with you now.',
    ]);
    await screenshot(agentPage, '62-assistant-transcript-for-agent');
  }, 60_000);

  it('closes a case its article solved, kindly, and the supervisor counts it', async () => {
    const viewer = await askInWidget();
    await viewer.getByTestId('assistant-solved').click();
    await viewer.getByTestId('self-served').waitFor({ timeout: 10_000 });
    expect(await viewer.getByTestId('assistant-panel').count()).toBe(0);
    expect(await viewer.getByTestId('rate-5').count()).toBe(0);

    const supervisor = await web.signIn(
      await web.agent('Sol Supervisor', { languages: ['en'], skills: [], role: 'supervisor' }),
      '/supervisor',
    );
    const card = supervisor.getByTestId('assistant-card');
    await card.waitFor({ timeout: 10_000 });
    // Both tests' requests were held; one was solved by its article, one handed over on request.
    await expect.poll(() => card.getByTestId('assistant-held').locator('strong').textContent()).toBe('2');
    expect(await card.getByTestId('assistant-self-served').locator('strong').textContent()).toBe('1');
    expect(await card.getByTestId('assistant-deflection').locator('strong').textContent()).toBe('50%');
    expect(await card.getByTestId('assistant-handoffs').textContent()).toContain('asked for a person: 1');
    await screenshot(supervisor, '63-assistant-supervisor-card');
  }, 40_000);
});
