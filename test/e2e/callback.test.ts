import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, platformToken } from '../support/clients.js';
import { screenshot } from '../support/browser.js';
import type { Instance } from '../support/cluster.js';
import { WebHarness } from '../support/webHarness.js';

/**
 * "Call me back" in the browser: the user taps it, reloads and closes the page, keeps their
 * place past the abandon grace, and is reached in the widget when they come back to it.
 */
const web = new WebHarness({
  ABANDON_GRACE_MS: '400',
  CALLBACK_ANSWER_MS: '30000',
  OFFER_TIMEOUT_MS: '15000',
});
const { config } = web;
let app: Instance;

beforeAll(async () => {
  app = await web.start();
}, 60_000);
afterAll(() => web.close());

describe('web: call me back', () => {
  it('keeps the place of a user who chose a callback and left, and reaches them in the widget', async () => {
    const identity = await platformToken(config, { sub: `callback-${Date.now()}`, name: 'Busy Viewer' });
    const viewer = await web.page();
    const widgetUrl = `${app.url}/?identity=${identity}`;
    await viewer.goto(widgetUrl);
    await viewer.getByTestId('help-open').click();
    await viewer.getByTestId('help-channel-call').click();
    await viewer.getByTestId('help-media-audio').check();
    await viewer.getByTestId('help-text').fill('I cannot withdraw my earnings');
    await viewer.getByTestId('help-submit').click();
    await viewer.getByTestId('queue-position').waitFor();
    await viewer.getByTestId('call-me-back').click();
    await viewer.getByTestId('callback-waiting').waitFor();
    await screenshot(viewer, '40-callback-chosen');

    // The choice survives a reload; then the user leaves the page altogether.
    await viewer.reload();
    await viewer.getByTestId('callback-waiting').waitFor({ timeout: 10_000 });
    await viewer.goto('about:blank');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const mine = await api(app, 'GET', '/v1/me/help-requests', { token: identity });
    const open = (mine.body.requests as { id: string; state: string; accessToken?: string }[]).find(
      (r) => r.accessToken,
    );
    expect(open?.state).toBe('queued');

    const console = await web.signIn(await web.agent('Cal Back', { languages: ['en'], skills: ['payment'] }));
    await console.getByTestId('status-available').click();
    await console.getByTestId('offer-accept').click({ timeout: 15_000 });
    await console.getByTestId('call-view').waitFor({ timeout: 15_000 });

    // Back on the page (as the push would bring them): the widget is in the call.
    await viewer.goto(widgetUrl);
    await viewer.getByTestId('call-view').waitFor({ timeout: 15_000 });
    await screenshot(viewer, '41-callback-answered');
    const metrics = await fetch(`${app.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/^lifeline_callbacks_total\{outcome="answered"\} 1$/m);
    expect(metrics).toMatch(/^lifeline_abandoned_total 0$/m);
  });
});
