import { RoomServiceClient } from 'livekit-server-sdk';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../platform/db/database.js';
import { api, platformToken } from '../support/clients.js';
import { screenshot } from '../support/browser.js';
import type { Instance } from '../support/cluster.js';
import { WebHarness } from '../support/webHarness.js';

/**
 * A text conversation in the browser: it waits for its user through a reload and on another
 * device, opens no LiveKit room when an agent takes it, and becomes a video call with one click.
 */
const web = new WebHarness({ OFFER_TIMEOUT_MS: '15000' });
const { config } = web;
let app: Instance;

beforeAll(async () => {
  app = await web.start();
}, 60_000);
afterAll(() => web.close());

const chatOf = (p: Page) => p.getByTestId('call-chat').textContent();

async function say(p: Page, line: string) {
  await p.getByTestId('call-chat-input').fill(line);
  await p.getByTestId('call-chat-input').press('Enter');
}

describe('web: a conversation that waits for its user', () => {
  it('resumes after a reload and on another device, opens no room, and turns into a video call', async () => {
    const identity = await platformToken(config, { sub: `resume-${Date.now()}`, name: 'Resuming Viewer' });
    const viewer = await web.openWidget('text', identity);
    await viewer.getByTestId('help-text').fill('My account was hacked and the password changed');
    await viewer.getByTestId('help-submit').click();
    await viewer.getByTestId('conversation').waitFor();
    await say(viewer, 'I still have the old email address');
    await expect.poll(() => chatOf(viewer)).toContain('old email address');

    // A reload opens the widget on the same case, with what was said.
    await viewer.reload();
    await viewer.getByTestId('queue-position').waitFor({ timeout: 10_000 });
    await expect.poll(() => chatOf(viewer)).toContain('old email address');
    await screenshot(viewer, '20-viewer-resumed');

    // So does another device signed in as the same user.
    const phone = await web.page();
    await phone.goto(`${app.url}/?identity=${identity}`);
    await phone.getByTestId('conversation').waitFor({ timeout: 10_000 });
    await expect.poll(() => chatOf(phone)).toContain('old email address');
    const mine = await api(app, 'GET', '/v1/me/help-requests', { token: identity });
    expect(mine.body.requests.filter((r: { accessToken?: string }) => r.accessToken)).toHaveLength(1);

    const console = await web.signIn(
      await web.agent('Cleo Chat', { languages: ['en'], skills: ['account_security'] }),
    );
    await console.getByTestId('status-available').click();
    await console.getByTestId('offer-accept').click({ timeout: 15_000 });
    await console.getByTestId('agent-conversation').waitFor({ timeout: 10_000 });
    await expect.poll(() => chatOf(console)).toContain('old email address');

    // Taken as a conversation: no call view on either side and no LiveKit room at all.
    const { livekit } = config;
    const rooms = new RoomServiceClient(
      livekit.url.replace('ws://', 'http://'),
      livekit.apiKey,
      livekit.apiSecret,
    );
    // The LiveKit server is shared by every test file: look only for this session's room.
    const caseId = (mine.body.requests as { id: string; accessToken?: string }[]).find(
      (r) => r.accessToken,
    )?.id;
    const db = connectDatabase(config.database);
    const call = await db
      .selectFrom('calls')
      .select('session_id')
      .where('case_id', '=', caseId ?? '')
      .executeTakeFirstOrThrow()
      .finally(() => db.destroy());
    const ourRoom = async () => (await rooms.listRooms([`lifeline-${call.session_id}`])).length;
    expect(await ourRoom()).toBe(0);
    expect(await viewer.getByTestId('call-view').count()).toBe(0);
    expect(await console.getByTestId('call-view').count()).toBe(0);
    await say(console, 'I can help. Let us check it together.');
    await expect.poll(() => chatOf(viewer)).toContain('check it together');
    await expect.poll(() => chatOf(phone)).toContain('check it together');
    await screenshot(console, '21-agent-conversation');

    // One click turns it into a video call on both sides; hanging up goes back to the chat.
    await console.getByTestId('start-video').click();
    await console.getByTestId('call-view').waitFor({ timeout: 15_000 });
    await viewer.getByTestId('call-view').waitFor({ timeout: 15_000 });
    await expect.poll(ourRoom).toBe(1);
    await expect.poll(() => chatOf(viewer)).toContain('A video call started');
    await screenshot(viewer, '22-viewer-call-from-conversation');
    await console.getByTestId('call-end').click();
    await console.getByTestId('agent-conversation').waitFor({ timeout: 10_000 });
    await viewer.getByTestId('conversation').waitFor({ timeout: 10_000 });
    await expect.poll(() => chatOf(viewer)).toContain('The call ended');
    await expect.poll(ourRoom).toBe(0);

    await console.getByTestId('call-end').click();
    await console.getByTestId('wrapup-outcome').waitFor();
    await viewer.getByTestId('rate-5').waitFor({ timeout: 10_000 });
  }, 120_000);
});
