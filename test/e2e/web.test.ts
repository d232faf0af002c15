import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentOnline,
  api,
  createAgent,
  createHelpRequest,
  platformToken,
  WsClient,
} from '../support/clients.js';
import { expectVideoPlaying, screenshot } from '../support/browser.js';
import type { Instance } from '../support/cluster.js';
import { WebHarness } from '../support/webHarness.js';

const web = new WebHarness({ OFFER_TIMEOUT_MS: '15000' }, { worker: true });
const { config } = web;
let app: Instance;

/** An agent (or supervisor) skilled in every category these tests ask about; its email. */
const agent = (name: string, languages = ['en'], role: 'agent' | 'supervisor' = 'agent') =>
  web.agent(name, { languages, skills: ['technical', 'account_security', 'payment'], role });

beforeAll(async () => {
  app = await web.start();
}, 60_000);
afterAll(() => web.close());

describe('web: a viewer’s video call', () => {
  it('goes from the demo page to an agent; both see each other; hang-up closes both and opens the wrap-up', async () => {
    const console = await web.signIn(await agent('Ada Console'));
    await console.getByTestId('status-available').click();
    await expect
      .poll(() => console.getByTestId('status-available').getAttribute('aria-pressed'))
      .toBe('true');

    const identity = await platformToken(config, { tier: 'creator', name: 'Demo Creator' });
    const viewer = await web.page();
    await viewer.goto(`${app.url}/?identity=${identity}`);
    await screenshot(viewer, '01-demo-stream');
    await viewer.getByTestId('help-open').click();
    await viewer.getByTestId('help-channel-call').click();
    await viewer.getByTestId('help-media-video').check();
    await viewer.getByTestId('help-text').fill('My stream keeps freezing for all my viewers');
    await screenshot(viewer, '02-widget-form');
    await viewer.getByTestId('help-submit').click();
    await viewer.getByTestId('queue-position').waitFor();

    await console.getByTestId('offer-card').waitFor({ timeout: 10_000 });
    await expect.poll(() => console.getByTestId('offer-card').textContent()).toContain('creator');
    await screenshot(console, '03-agent-offer');
    await console.getByTestId('offer-accept').click();

    await viewer.getByTestId('call-view').waitFor({ timeout: 15_000 });
    await console.getByTestId('call-view').waitFor({ timeout: 15_000 });
    expect(await expectVideoPlaying(viewer, 'remote-video')).toBeGreaterThan(0);
    expect(await expectVideoPlaying(console, 'remote-video')).toBeGreaterThan(0);
    expect(await console.getByTestId('sentiment-hint').textContent()).toMatch(/Sentiment: upset/);
    await expect.poll(() => console.getByTestId('user-history').textContent()).toContain('First contact');
    expect(await console.getByTestId('customer-profile').textContent()).toMatch(/Demo Creator.*creator/);
    // Chat beside the call goes through Lifeline (stored with the case) and shows on the other side.
    await viewer.getByTestId('call-chat-input').fill('Can you see my stream freezing?');
    await viewer.getByTestId('call-chat-input').press('Enter');
    await expect
      .poll(() => console.getByTestId('call-chat').textContent())
      .toContain('see my stream freezing');
    await console.getByTestId('call-chat-input').fill('Yes, I see it, checking now');
    await console.getByTestId('call-chat-input').press('Enter');
    await expect.poll(() => viewer.getByTestId('call-chat').textContent()).toContain('checking now');
    await screenshot(viewer, '04-viewer-call');
    await screenshot(console, '05-agent-call');

    await console.getByTestId('call-end').click();
    await console.getByTestId('wrapup-outcome').waitFor();
    await viewer.getByTestId('call-view').waitFor({ state: 'detached', timeout: 15_000 });
    await viewer.getByTestId('rate-5').click();
    await screenshot(console, '06-agent-wrapup');
    await console.getByTestId('wrapup-outcome').selectOption('resolved');
    await console.getByTestId('wrapup-submit').click();
    await console.getByTestId('wrapup-outcome').waitFor({ state: 'detached' });
    await web.closePages();
  }, 90_000);
});

async function viewerRequest(text: string) {
  const viewer = await web.openWidget('text');
  await viewer.getByTestId('help-text').fill(text);
  await viewer.getByTestId('help-submit').click();
  await viewer.getByTestId('queue-position').waitFor();
  return viewer;
}

describe('web: routing in the console', () => {
  it('re-offers a declined request to a second agent', async () => {
    const first = await web.signIn(await agent('First Agent'));
    await first.getByTestId('status-available').click();
    await expect.poll(() => first.getByTestId('status-available').getAttribute('aria-pressed')).toBe('true');
    const second = await web.signIn(await agent('Second Agent'));
    await second.getByTestId('status-available').click();
    await expect.poll(() => second.getByTestId('status-available').getAttribute('aria-pressed')).toBe('true');

    const viewer = await viewerRequest('I was charged twice for coins, please refund');
    await first.getByTestId('offer-card').waitFor({ timeout: 10_000 });
    expect(await second.getByTestId('offer-card').count()).toBe(0);
    await first.getByTestId('offer-decline').click();
    await second.getByTestId('offer-card').waitFor({ timeout: 10_000 });
    await screenshot(second, '07-reoffer-second-agent');
    expect(await first.getByTestId('offer-card').count()).toBe(0);
    await viewer.getByRole('button', { name: 'Cancel request' }).click();
    await second.getByTestId('offer-card').waitFor({ state: 'detached', timeout: 10_000 });
    await web.closePages();
  }, 60_000);

  it('records a voice message from the microphone, uploads it, and shows its transcript in the agent queue', async () => {
    const console = await web.signIn(await agent('Queue Watcher'));
    const viewer = await web.openWidget('voice');
    await viewer.getByTestId('voice-record').click();
    await viewer.getByTestId('voice-level').waitFor();
    await viewer.waitForTimeout(2500);
    await screenshot(viewer, '08-voice-recording');
    await viewer.getByTestId('voice-stop').click();
    await viewer.getByTestId('voice-upload').click();
    await expect
      .poll(() => viewer.getByTestId('voice-status').textContent(), { timeout: 30_000 })
      .toBe('An agent will see your message');
    const transcript = console.getByTestId('queue-transcript').first();
    await expect
      .poll(() => transcript.textContent(), { timeout: 10_000 })
      .toMatch(/^Transcript: (?!Transcribing|Transcript unavailable)/);
    await screenshot(console, '09-agent-queue-voice');
    await viewer.getByRole('button', { name: 'Cancel request' }).click();
    await web.closePages();
  }, 60_000);
});

describe("web: the agent's view of the user", () => {
  it('shows a returning user with their earlier case: outcome, note, stars and the conversation', async () => {
    // The earlier case, served over the API by an agent who then leaves the floor.
    const user = { sub: `returning-${Date.now()}`, tier: 'creator', name: 'Returning Viewer' };
    const earlierAgent = await createAgent(app, config, {
      name: 'Earlier Agent',
      languages: ['de'],
      skills: ['technical', 'account_security', 'payment'],
    });
    const earlierSocket = await agentOnline(app, earlierAgent);
    const earlier = await createHelpRequest(
      app,
      config,
      { channel: 'text', media: undefined, language: 'de', text: 'my payout never arrived' },
      user,
    );
    const userSocket = await WsClient.connect(app.wsUrl, earlier.accessToken);
    const offer = await earlierSocket.next('offer', (f) => f.request.id === earlier.id, 10_000);
    earlierSocket.send({ type: 'offer.accept', offerId: offer.offerId });
    const ready = await earlierSocket.next('session.ready');
    for (const [token, body, internal] of [
      [earlier.accessToken, 'Where is my March payout?', false],
      [earlierAgent.token, 'It bounced, sending it again', false],
      [earlierAgent.token, 'Bank rejected it once', true],
    ] as const) {
      const posted = await api(app, 'POST', `/v1/help-requests/${earlier.id}/messages`, {
        token,
        body: { body, internal },
      });
      expect(posted.status).toBe(201);
    }
    earlierSocket.send({
      type: 'session.end',
      sessionId: ready.sessionId,
      outcome: 'resolved',
      note: 'Re-sent',
    });
    await earlierSocket.next('session.ended');
    const rated = await api(app, 'POST', `/v1/help-requests/${earlier.id}/rating`, {
      token: earlier.accessToken,
      body: { stars: 4 },
    });
    expect(rated.status).toBe(204);
    // Away before gone, so the next request can only go to the console.
    earlierSocket.send({ type: 'agent.status', status: 'away', ref: 'away' });
    await earlierSocket.next('agent.status', (f) => f.ref === 'away');
    earlierSocket.close();
    userSocket.close();

    const console = await web.signIn(await agent('Crm Agent', ['de']));
    await console.getByTestId('status-available').click();
    await expect
      .poll(() => console.getByTestId('status-available').getAttribute('aria-pressed'))
      .toBe('true');
    const again = await createHelpRequest(
      app,
      config,
      { channel: 'text', media: undefined, language: 'de', text: 'how do I change my stream key?' },
      user,
    );
    const againSocket = await WsClient.connect(app.wsUrl, again.accessToken);
    await console.getByTestId('offer-accept').click({ timeout: 10_000 });
    await console.getByTestId('agent-conversation').waitFor({ timeout: 15_000 });

    const profile = console.getByTestId('customer-profile');
    await expect.poll(() => profile.textContent(), { timeout: 10_000 }).toContain('Returning Viewer');
    const history = console.getByTestId('user-history');
    expect(await history.getByTestId('past-case').count()).toBe(1);
    const past = await history.getByTestId('past-case').textContent();
    expect(past).toMatch(/Text.*Ended/);
    expect(past).toContain('my payout never arrived');
    expect(past).toMatch(/Resolved · Earlier Agent/);
    expect(past).toContain('Re-sent');
    expect(await history.getByRole('img', { name: 'Rated 4 of 5 stars' }).textContent()).toContain('★★★★☆');
    const conversation = history.getByTestId('past-conversation');
    expect(await conversation.getAttribute('open')).toBeNull();
    await conversation.locator('summary').click();
    expect(await conversation.getAttribute('open')).toBe('');
    expect(await conversation.locator('li').allTextContents()).toEqual([
      'Returning Viewer: Where is my March payout?',
      'Earlier Agent: It bounced, sending it again',
      'Note: Earlier Agent: Bank rejected it once',
    ]);
    await screenshot(console, '12-agent-customer');
    await console.getByTestId('call-end').click();
    againSocket.close();
    await web.closePages();
  }, 60_000);
});

describe('web: languages and supervision', () => {
  it('switches the whole page to Chinese', async () => {
    const viewer = await web.page();
    await viewer.goto(`${app.url}/`);
    await viewer.getByTestId('lang-switch').click();
    expect(await viewer.getByTestId('help-open').textContent()).toBe('获取帮助');
    await viewer.getByTestId('help-open').click();
    expect(await viewer.getByTestId('help-channel-call').textContent()).toBe('实时通话');
    expect(await viewer.locator('html').getAttribute('lang')).toBe('zh');
    await viewer.getByTestId('help-channel-text').click();
    await screenshot(viewer, '10-widget-chinese');
    await viewer.reload();
    expect(await viewer.getByTestId('help-open').textContent()).toBe('获取帮助');
    await web.closePages();
  });

  it('tells a caller nobody who can help is online, and suggests a message instead', async () => {
    // Nobody online here speaks Chinese.
    const viewer = await web.page();
    await viewer.goto(`${app.url}/?identity=${await platformToken(config)}`);
    await viewer.getByTestId('lang-switch').click();
    await viewer.getByTestId('help-open').click();
    await viewer.getByTestId('help-channel-call').click();
    await viewer.getByTestId('help-text').fill('怎么设置直播封面？');
    await viewer.getByTestId('help-submit').click();
    await expect
      .poll(() => viewer.getByTestId('queue-position').textContent())
      .toBe('目前没有能处理此问题的客服在线');
    await viewer.getByTestId('leave-message-hint').waitFor();
    await screenshot(viewer, '11-widget-nobody-online');
    await viewer.getByText('取消请求').click();
    await web.closePages();
  });

  it('renders the supervisor view with its queue chart and metrics', async () => {
    const supervisor = await web.signIn(
      await agent('Floor Supervisor', ['en', 'zh'], 'supervisor'),
      '/supervisor',
    );
    await supervisor.getByTestId('metric-asa').waitFor();
    await expect
      .poll(
        () => supervisor.locator('[data-testid="chart-queue"] svg polyline').first().getAttribute('points'),
        { timeout: 10_000 },
      )
      .toMatch(/\d+(\.\d+)?,\d+(\.\d+)? \d/);
    expect(await supervisor.getByTestId('metric-asa').textContent()).toMatch(/\d+\.\d s/);
    expect(await supervisor.getByTestId('agent-states').textContent()).toContain('Ada Console');
    await screenshot(supervisor, '11-supervisor');
    await web.closePages();
  }, 30_000);
});
