import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { platformToken } from '../support/clients.js';
import type { Instance } from '../support/cluster.js';
import { WebHarness } from '../support/webHarness.js';

const web = new WebHarness({ OFFER_TIMEOUT_MS: '15000' });
let app: Instance;

beforeAll(async () => {
  app = await web.start();
}, 60_000);
afterAll(() => web.close());

const account = (role: 'agent' | 'supervisor') => ({
  languages: ['en'],
  skills: ['technical', 'account_security', 'payment'],
  role,
});

// Runs in the page; a string keeps browser types out of this Node program. The roles of the
// listen-in's <audio> elements that hold a live remote track and are playing it.
const LIVE_VOICES = `[...document.querySelectorAll('[data-testid="listen-audio"]')]
  .filter((a) => !a.paused && a.srcObject && a.srcObject.getAudioTracks().some((t) => t.readyState === 'live'))
  .map((a) => a.dataset.role).sort().join(',')`;
const liveVoices = (page: Page) => page.evaluate(LIVE_VOICES) as Promise<string>;

describe('supervisor listen-in', () => {
  it('hears the agent and the user each on an element of its own, and closes when the call ends', async () => {
    const favicon = await fetch(`${app.url}/favicon.svg`);
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get('content-type')).toContain('image/svg+xml');

    const agent = await web.signIn(await web.agent('Lin Heard', account('agent')));
    await agent.getByTestId('status-available').click();
    await expect.poll(() => agent.getByTestId('status-available').getAttribute('aria-pressed')).toBe('true');
    const supervisor = await web.signIn(await web.agent('Sam Floor', account('supervisor')), '/supervisor');

    const viewer = await web.openWidget('call', await platformToken(web.config, { name: 'Uma Viewer' }));
    await viewer.getByTestId('help-media-audio').check();
    await viewer.getByTestId('help-text').fill('My microphone cuts out during my streams');
    await viewer.getByTestId('help-submit').click();
    // The agent is free, so the request is offered at once: no place in line to read here
    // (web/src/widget/queuePlace.test.ts covers the first-in-line wording).

    await agent.getByTestId('offer-accept').click({ timeout: 10_000 });
    await viewer.getByTestId('call-view').waitFor({ timeout: 15_000 });
    await agent.getByTestId('call-view').waitFor({ timeout: 15_000 });

    await supervisor.getByTestId('listen-in').click({ timeout: 10_000 });
    await supervisor.getByTestId('listen-pane').waitFor();
    await expect.poll(() => liveVoices(supervisor), { timeout: 20_000 }).toBe('agent,user');
    const heard = supervisor.getByTestId('listen-heard');
    expect(await heard.locator('li[data-role="agent"]').textContent()).toBe('Lin Heard (agent)');
    expect(await heard.locator('li[data-role="user"]').textContent()).toBe('Uma Viewer (user)');
    await supervisor.getByTestId('listen-pane').scrollIntoViewIfNeeded();
    await screenshot(supervisor, '16-supervisor-listening');

    // "End listening" leaves the room; listening again hears both again.
    await supervisor.getByTestId('listen-end').click();
    await supervisor.getByTestId('listen-pane').waitFor({ state: 'detached' });
    await supervisor.getByTestId('listen-in').click();
    await expect.poll(() => liveVoices(supervisor), { timeout: 20_000 }).toBe('agent,user');

    await agent.getByTestId('call-end').click();
    await supervisor.getByTestId('listen-pane').waitFor({ state: 'detached', timeout: 15_000 });
    await viewer.getByTestId('call-view').waitFor({ state: 'detached', timeout: 15_000 });
    await web.closePages();
  }, 90_000);
});
