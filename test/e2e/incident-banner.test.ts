import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { api, platformToken } from '../support/clients.js';
import type { Instance } from '../support/cluster.js';
import { AGENT_PASSWORD, WebHarness } from '../support/webHarness.js';

/**
 * An incident in the browser: a supervisor opens one and posts its status from the floor, the
 * linked viewer sees it as a banner at once and says they still need help, and the resolution
 * then leaves their case waiting for a person.
 */
const web = new WebHarness({});
let app: Instance;

beforeAll(async () => {
  app = await web.start();
}, 60_000);
afterAll(() => web.close());

describe('web: an incident status in the widget', () => {
  it('shows the status live, keeps a user who still needs help, and shows the resolution', async () => {
    const email = await web.agent('Sue Supervisor', { languages: ['en'], skills: [], role: 'supervisor' });
    const floor = await web.signIn(email, '/supervisor');
    await floor.getByTestId('incident-new-title').fill('Streams keep freezing');
    await floor.getByTestId('incident-open').click();
    const card = floor
      .getByTestId('floor-incidents')
      .locator('article', { hasText: 'Streams keep freezing' });
    await card.waitFor({ timeout: 10_000 });

    // Written in Portuguese, which no agent here serves: the case waits.
    const identity = await platformToken(web.config, { sub: `incident-viewer-${Date.now()}` });
    const viewer = await web.openWidget('text', identity);
    await viewer.getByTestId('help-text').fill('a minha transmissão congela');
    await viewer.getByTestId('help-submit').click();
    await viewer.getByTestId('conversation').waitFor();

    const supervisor = (
      await api(app, 'POST', '/v1/agents/login', { body: { email, password: AGENT_PASSWORD } })
    ).body.token;
    const incidentId = (await card.getAttribute('data-testid'))!.replace('incident-', '');
    const caseId = (await api(app, 'GET', '/v1/me/help-requests', { token: identity })).body.requests[0].id;
    const linked = await api(app, 'POST', `/v1/supervisor/incidents/${incidentId}/cases`, {
      token: supervisor,
      body: { requestIds: [caseId] },
    });
    expect(linked.body).toEqual({ linked: 1 });

    await card
      .getByTestId('incident-text')
      .fill('We know: a server update broke playback. Fix within the hour.');
    await card.getByTestId('incident-post').click();
    await expect
      .poll(() => viewer.getByTestId('incident-message').textContent(), { timeout: 10_000 })
      .toContain('server update broke playback');
    await screenshot(viewer, '30-widget-incident-status');
    await card.getByTestId('incident-current-status').waitFor({ timeout: 10_000 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(floor, '31-supervisor-incidents');

    await viewer.getByTestId('incident-still-need-help').click();
    await viewer.getByTestId('incident-kept').waitFor();

    await card.getByTestId('incident-text').fill('Playback works again.');
    await card.getByTestId('incident-resolve').click();
    await expect
      .poll(() => viewer.getByTestId('incident-message').textContent(), { timeout: 10_000 })
      .toContain('Playback works again');
    // Still waiting for a person: the conversation is open and the case queued.
    await viewer.getByTestId('conversation').waitFor();
    const view = await api(app, 'GET', '/v1/me/help-requests', { token: identity });
    expect(view.body.requests[0]).toMatchObject({ id: caseId, state: 'queued' });
  }, 90_000);
});
