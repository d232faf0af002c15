import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { WebHarness } from '../support/webHarness.js';

/** A voice message recorded in the widget is a line of the conversation both sides can play. */
const web = new WebHarness({ OFFER_TIMEOUT_MS: '15000' }, { worker: true });

beforeAll(async () => {
  await web.start();
}, 60_000);
afterAll(() => web.close());

/** Plays the chat's voice message and resolves once its audio element has loaded the recording. */
async function playVoiceLine(page: Page): Promise<void> {
  const line = page.getByTestId('message-voice').first();
  await line.waitFor({ timeout: 10_000 });
  expect(await line.locator('figcaption').textContent()).toMatch(/^Voice message, \d+ s$/);
  await line.getByTestId('voice-play').click();
  const audio = line.getByTestId('voice-audio');
  await audio.waitFor();
  await expect
    .poll(() => audio.evaluate((el: { readyState: number }) => el.readyState), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(1);
}

describe('web: a voice message in the conversation', () => {
  it('shows the recorded message in the widget’s and the console’s chat, each with a player', async () => {
    const viewer = await web.openWidget('voice');
    await viewer.getByTestId('voice-record').click();
    await viewer.getByTestId('voice-level').waitFor();
    await viewer.waitForTimeout(2000);
    await viewer.getByTestId('voice-stop').click();
    await viewer.getByTestId('voice-upload').click();
    await playVoiceLine(viewer);
    await screenshot(viewer, '30-viewer-voice-line');

    const console = await web.signIn(
      await web.agent('Vera Voice', { languages: ['en'], skills: ['technical', 'feedback'] }),
    );
    await console.getByTestId('status-available').click();
    await console.getByTestId('offer-accept').click({ timeout: 15_000 });
    await console.getByTestId('agent-conversation').waitFor({ timeout: 10_000 });
    await playVoiceLine(console);
    await screenshot(console, '31-agent-voice-line');
    await web.closePages();
  }, 60_000);
});
