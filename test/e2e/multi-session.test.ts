import { RoomServiceClient, TrackType } from 'livekit-server-sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { agentIdentity, roomNameFor } from '../../media/MediaPlane.js';
import { launchChromium, loginAs, newPage, screenshot } from '../support/browser.js';
import { api, platformToken } from '../support/clients.js';
import { startInstance, testConfig, type Instance } from '../support/cluster.js';
import { AGENT_PASSWORD } from '../support/webHarness.js';

/**
 * An agent who serves two calls at once (maxSessions 2): each has its own tab, room and context,
 * and taking the second keeps the first. LiveKit posts its webhooks to this instance, so a console
 * that left the first room would see that session end with `participant_left`, as it did before.
 */
const config = testConfig({ OFFER_TIMEOUT_MS: '15000' });
let app: Instance;
let browser: Browser;
const rooms = new RoomServiceClient(
  config.livekit.url.replace('ws://', 'http://'),
  config.livekit.apiKey,
  config.livekit.apiSecret,
);

beforeAll(async () => {
  app = await startInstance(config, {}, inject('livekit').webhookPort);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.app.close();
});

/** A viewer on the demo stream asking for an audio call about a frozen stream. */
async function viewerCall(user: { name: string; tier: string }) {
  const viewer = await newPage(browser);
  const identity = await platformToken(config, { sub: `multi-${user.name}-${Date.now()}`, ...user });
  await viewer.goto(`${app.url}/?identity=${identity}`);
  await viewer.getByTestId('help-open').click();
  await viewer.getByTestId('help-channel-call').click();
  await viewer.getByTestId('help-media-audio').check();
  await viewer.getByTestId('help-text').fill('My stream keeps freezing for my viewers');
  await viewer.getByTestId('help-submit').click();
  return viewer;
}

/** Whether the agent is in the session's room, and whether its microphone is muted there (on hold). */
async function agentInRoom(sessionId: string, agentId: string) {
  const people = await rooms.listParticipants(roomNameFor(sessionId));
  const agent = people.find((p) => p.identity === agentIdentity(agentId));
  const mic = agent?.tracks.find((track) => track.type === TrackType.AUDIO);
  return { present: !!agent, users: people.length - (agent ? 1 : 0), micMuted: mic?.muted ?? null };
}

const shown = (console: Page, testId: string) =>
  console.locator('[data-testid="session-panel"]:visible').getByTestId(testId).textContent();

describe('web: an agent serving two calls at once', () => {
  it('keeps both callers, one tab each with its own context, switched by keyboard', async () => {
    const email = `sam-${Date.now()}@example.test`;
    const created = await api(app, 'POST', '/v1/admin/agents', {
      token: config.secrets.admin,
      body: {
        email,
        password: AGENT_PASSWORD,
        name: 'Sam Two Calls',
        languages: ['en'],
        skills: ['technical'],
        maxSessions: 2,
      },
    });
    const agentId = (created.body as { id: string }).id;
    const console = await newPage(browser);
    await loginAs(console, app.url, '/agent', email, AGENT_PASSWORD);
    await console.getByTestId('status-available').click();
    await expect
      .poll(() => console.getByTestId('status-available').getAttribute('aria-pressed'))
      .toBe('true');

    const ana = await viewerCall({ name: 'Ana Creator', tier: 'creator' });
    await console.getByTestId('offer-accept').click({ timeout: 15_000 });
    await ana.getByTestId('call-view').waitFor({ timeout: 15_000 });
    await console.getByTestId('session-tab-1').waitFor();
    expect(await console.getByTestId('capacity').textContent()).toBe('Sessions: 1 of 2');

    // The second call is offered while the first goes on, and Alt+A takes it.
    const ben = await viewerCall({ name: 'Ben Regular', tier: 'regular' });
    await console.getByTestId('offer-card').waitFor({ timeout: 15_000 });
    expect(await console.getByTestId('offer-accept').getAttribute('aria-keyshortcuts')).toBe('Alt+A');
    await console.keyboard.press('Alt+A');
    await ben.getByTestId('call-view').waitFor({ timeout: 15_000 });
    await console.getByTestId('session-tab-2').waitFor();
    expect(await console.getByTestId('capacity').textContent()).toBe('Sessions: 2 of 2');

    const panels = console.getByTestId('session-panel');
    const [first, second] = (await panels.evaluateAll((all) => all.map((el) => el.id))).map((id) =>
      id.replace('session-panel-', ''),
    );
    // Both rooms hold the agent and their user; only the call in focus (the newest) hears the agent.
    await expect
      .poll(async () => [await agentInRoom(first!, agentId), await agentInRoom(second!, agentId)], {
        timeout: 15_000,
      })
      .toEqual([
        { present: true, users: 1, micMuted: true },
        { present: true, users: 1, micMuted: false },
      ]);
    // The tab's accessible name, from its content (see SessionTabs: no aria-label, for label in name).
    expect(
      await console
        .getByRole('tab', { name: 'Ana Creator: On hold', exact: true })
        .getAttribute('data-testid'),
    ).toBe('session-tab-1');
    expect(await shown(console, 'context-name')).toBe('Ben Regular');
    expect(await shown(console, 'context-tier')).toBe('regular');

    await console.keyboard.press('Alt+1');
    expect(await console.getByTestId('session-tab-1').getAttribute('aria-selected')).toBe('true');
    expect(await shown(console, 'context-name')).toBe('Ana Creator');
    expect(await shown(console, 'context-tier')).toBe('creator');
    expect(await shown(console, 'context-stream')).toMatch(/^Stream demo-stream-1 at \d+ s$/);
    await expect
      .poll(async () => [
        (await agentInRoom(first!, agentId)).micMuted,
        (await agentInRoom(second!, agentId)).micMuted,
      ])
      .toEqual([false, true]);
    await screenshot(console, '15-console-two-sessions');

    await console.keyboard.press('Alt+2');
    expect(await shown(console, 'context-name')).toBe('Ben Regular');
    // Neither caller was dropped along the way.
    for (const viewer of [ana, ben]) expect(await viewer.getByTestId('call-view').count()).toBe(1);
    expect(await console.getByTestId('session-tabs').textContent()).not.toContain('Wrap-up');

    // Ending Ben's call leaves Ana's: his tab owes a wrap-up, hers is still live.
    await console.locator('[data-testid="session-panel"]:visible').getByTestId('call-end').click();
    await ben.getByTestId('call-view').waitFor({ state: 'detached', timeout: 15_000 });
    await console.getByTestId('wrapup-submit').click();
    await console.getByTestId('session-tab-2').waitFor({ state: 'detached' });
    expect(await shown(console, 'context-name')).toBe('Ana Creator');
    expect((await agentInRoom(first!, agentId)).present).toBe(true);
    expect(await ana.getByTestId('call-view').count()).toBe(1);
    for (const page of [console, ana, ben]) await page.context().close();
  }, 90_000);
});
