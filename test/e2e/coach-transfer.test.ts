import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { api, platformToken } from '../support/clients.js';
import type { Instance } from '../support/cluster.js';
import { WebHarness } from '../support/webHarness.js';

const web = new WebHarness({ OFFER_TIMEOUT_MS: '15000', CONSULT_TIMEOUT_MS: '20000' });
let app: Instance;

beforeAll(async () => {
  app = await web.start();
}, 60_000);
afterAll(() => web.close());

const account = (role: 'agent' | 'supervisor' = 'agent') => ({
  languages: ['en'],
  skills: ['technical', 'account_security', 'payment'],
  role,
});

// Runs in the page (a string keeps browser types out of this Node program): how many remote
// voices the call's <audio> elements are playing, live.
const VOICES = `[...document.querySelectorAll('[data-testid="remote-audio"]')]
  .filter((a) => !a.paused && a.srcObject && a.srcObject.getAudioTracks().some((t) => t.readyState === 'live'))
  .length`;
const voices = (page: Page) => page.evaluate(VOICES) as Promise<number>;

async function available(page: Page) {
  await page.getByTestId('status-available').click();
  await expect.poll(() => page.getByTestId('status-available').getAttribute('aria-pressed')).toBe('true');
}

async function callFrom(name: string) {
  const viewer = await web.openWidget('call', await platformToken(web.config, { name }));
  await viewer.getByTestId('help-media-audio').check();
  await viewer.getByTestId('help-text').fill('My stream audio drops every few minutes');
  await viewer.getByTestId('help-submit').click();
  return viewer;
}

describe('coaching and warm transfer', () => {
  it('coaches the agent without the user hearing it, then barges in so both hear', async () => {
    const agent = await web.signIn(await web.agent('Lin Coached', account()));
    await available(agent);
    const supervisor = await web.signIn(await web.agent('Sam Coach', account('supervisor')), '/supervisor');
    const viewer = await callFrom('Uma Viewer');
    await agent.getByTestId('offer-accept').click({ timeout: 10_000 });
    await viewer.getByTestId('call-view').waitFor({ timeout: 15_000 });
    await expect.poll(() => voices(agent), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => voices(viewer), { timeout: 20_000 }).toBe(1);

    await supervisor.getByTestId('listen-in').click({ timeout: 10_000 });
    await supervisor.getByTestId('monitor-coach').click();
    await expect.poll(() => supervisor.getByTestId('listen-pane').getAttribute('data-mode')).toBe('coach');
    // The agent hears the user and the coach; the user still hears the agent alone.
    await expect.poll(() => voices(agent), { timeout: 20_000 }).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await voices(viewer)).toBe(1);
    await supervisor.getByTestId('listen-pane').scrollIntoViewIfNeeded();
    await screenshot(supervisor, '17-supervisor-coaching');

    // Barging is the same microphone with everyone allowed: now the user hears the supervisor too.
    await supervisor.getByTestId('monitor-barge').click();
    await expect.poll(() => supervisor.getByTestId('listen-pane').getAttribute('data-mode')).toBe('barge');
    await expect.poll(() => voices(viewer), { timeout: 20_000 }).toBe(2);

    await supervisor.getByTestId('listen-end').click();
    await supervisor.getByTestId('listen-pane').waitFor({ state: 'detached' });
    await expect.poll(() => voices(viewer), { timeout: 20_000 }).toBe(1);
    await agent.getByTestId('call-end').click();
    await viewer.getByTestId('call-view').waitFor({ state: 'detached', timeout: 15_000 });
    await web.closePages();
  }, 120_000);

  it('hands a call warm to a colleague: the user holds during the consult and never queues again', async () => {
    const ana = await web.signIn(await web.agent('Ana First', account()));
    const ben = await web.signIn(await web.agent('Ben Second', account()));
    await available(ana);
    const viewer = await callFrom('Vera Viewer');
    await ana.getByTestId('offer-accept').click({ timeout: 10_000 });
    const callView = viewer.getByTestId('call-view');
    await callView.waitFor({ timeout: 15_000 });
    // Marks this call's element: if the widget ever left the call (queued again), it would be new.
    await callView.evaluate((element) => element.setAttribute('data-first-call', 'yes'));
    await available(ben);

    await ana.getByTestId('transfer-open').click();
    await ana.locator('[data-testid="transfer-consult"][data-agent="Ben Second"]').click({ timeout: 10_000 });
    await ben.getByTestId('consult-accept').click({ timeout: 10_000 });
    await expect.poll(() => ana.getByTestId('transfer-state').getAttribute('data-state')).toBe('joined');
    await expect
      .poll(() => viewer.getByTestId('transfer-notice').getAttribute('data-state'))
      .toBe('consulting');
    await ben.getByTestId('consult-banner').waitFor();
    // Ben hears Ana and the caller (context for the handover); the caller, holding, hears neither agent.
    await expect.poll(() => voices(ben), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => voices(viewer), { timeout: 20_000 }).toBe(0);
    await screenshot(ana, '18-console-consulting');

    await ana.getByTestId('transfer-complete').click();
    await expect.poll(() => viewer.getByTestId('transfer-notice').textContent()).toContain('Ben Second');
    await ana.getByTestId('session-panel').waitFor({ state: 'detached', timeout: 10_000 });
    await ben.getByTestId('consult-banner').waitFor({ state: 'detached' });
    // Ben now serves the user, in the same room: each hears the other.
    await expect.poll(() => voices(viewer), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => voices(ben), { timeout: 20_000 }).toBe(1);
    expect(await callView.getAttribute('data-first-call')).toBe('yes');
    const supervisor = (
      await api(app, 'POST', '/v1/agents/login', {
        body: { email: await web.agent('Sid Audit', account('supervisor')), password: 'agent-password-1' },
      })
    ).body.token as string;
    const overview = (await api(app, 'GET', '/v1/supervisor/overview', { token: supervisor })).body;
    const benId = overview.agents.find((a: { name: string }) => a.name === 'Ben Second').id as string;
    expect(overview.sessions).toHaveLength(1);
    expect(overview.sessions[0].agentId).toBe(benId);
    const audit = (await api(app, 'GET', '/v1/supervisor/audit', { token: supervisor })).body.entries;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['consult_invite', 'consult_accept', 'transfer_warm']),
    );

    await ben.getByTestId('call-end').click();
    await callView.waitFor({ state: 'detached', timeout: 15_000 });
    await web.closePages();
  }, 120_000);
});
