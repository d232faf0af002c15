import { mkdtemp } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createHelpRequest, platformToken } from '../support/clients.js';
import { expectVideoPlaying, launchChromium, loginAs, newPage, screenshot } from '../support/browser.js';
import { startInstance, testEnv, type Instance } from '../support/cluster.js';
import { makeVideo } from '../support/video.js';
import { loadConfig } from '../../server/config/load.js';
import { startWorker, type WorkerProcess } from '../support/workers.js';

// The harness of web.test.ts: one API instance serving the built web app, a worker, Chromium
// with a fake camera and microphone.
let browser: Browser;
let app: Instance;
let worker: WorkerProcess;
const env = testEnv({
  OFFER_TIMEOUT_MS: '20000',
  VOICE_DIR: join(mkdtempSync(join(tmpdir(), 'lifeline-video-web-')), 'voice'),
  WHISPER_FALLBACK: 'false',
});
const config = loadConfig(env);
const PASSWORD = 'agent-password-1';
const pages: Page[] = [];

async function page(locale?: string) {
  const opened = await newPage(browser, locale);
  pages.push(opened);
  return opened;
}
async function closeAll() {
  for (const opened of pages.splice(0)) await opened.context().close();
}

/** An agent for one language, so each test is offered only its own request. */
async function agentConsole(name: string, language: string) {
  const email = `${name.toLowerCase().replace(/\W/g, '')}-${Date.now()}@example.test`;
  await api(app, 'POST', '/v1/admin/agents', {
    token: config.secrets.admin,
    body: { email, password: PASSWORD, name, languages: [language], skills: ['technical', 'feedback'] },
  });
  const console = await page();
  await loginAs(console, app.url, '/agent', email, PASSWORD);
  return console;
}

/** Runs in the page; a string keeps browser types out of this Node program. */
const thumbnailWidth = `(() => { const img = document.querySelector('[data-testid="video-thumbnail"]'); return img && img.complete && img.naturalWidth > 0 ? img.naturalWidth : false; })()`;

beforeAll(async () => {
  app = await startInstance(config);
  worker = await startWorker(env);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await app?.app.close();
});

describe('web: video feedback', () => {
  it('shows the agent offered a clip its still, the clip itself and its transcript', async () => {
    const request = await createHelpRequest(app, config, { channel: 'voice', language: 'fi' });
    const clip = await makeVideo(await mkdtemp(join(tmpdir(), 'lifeline-clip-')), 'clip', 3, 'webm');
    const uploaded = await fetch(`${app.url}/v1/help-requests/${request.id}/video`, {
      method: 'POST',
      headers: { authorization: `Bearer ${request.accessToken}`, 'content-type': 'video/webm' },
      body: clip,
    });
    expect(uploaded.status).toBe(202);
    const console = await agentConsole('Video Watcher', 'fi');
    await expect
      .poll(() => console.getByTestId('queue-video').first().textContent(), { timeout: 10_000 })
      .toBe('Video, 3 s');
    await console.getByTestId('status-available').click();
    await console.getByTestId('offer-card').waitFor({ timeout: 10_000 });
    expect(await (await console.waitForFunction(thumbnailWidth)).jsonValue()).toBe(320);
    await expect
      .poll(() => console.getByTestId('video-transcript').textContent(), { timeout: 30_000 })
      .toMatch(/^Transcript: (?!Transcribing|Transcript unavailable)/);
    await console.getByTestId('video-play').click();
    expect(await expectVideoPlaying(console, 'video-clip')).toBe(640);
    await screenshot(console, '12-agent-offer-video');
    await closeAll();
  }, 60_000);

  // Needs the VideoRecorder in HelpWidget (see the report of issue 10's video feedback).
  it('records a clip from the fake camera in the widget, sends it, and the agent is offered it', async () => {
    const console = await agentConsole('Video Agent', 'en');
    await console.getByTestId('status-available').click();
    const viewer = await page();
    await viewer.goto(`${app.url}/?identity=${await platformToken(config)}`);
    await viewer.getByTestId('help-open').click();
    await viewer.getByTestId('help-channel-voice').click();
    await viewer.getByTestId('video-record').click();
    expect(await expectVideoPlaying(viewer, 'video-preview')).toBeGreaterThan(0);
    await viewer.waitForTimeout(2500);
    await screenshot(viewer, '13-video-recording');
    await viewer.getByTestId('video-stop').click();
    await viewer.getByTestId('video-replay').waitFor();
    await viewer.getByTestId('video-upload').click();
    await viewer.getByTestId('queue-position').waitFor();

    await console.getByTestId('offer-card').waitFor({ timeout: 15_000 });
    await console.waitForFunction(thumbnailWidth, undefined, { timeout: 15_000 });
    await expect
      .poll(() => console.getByTestId('video-transcript').textContent(), { timeout: 30_000 })
      .toMatch(/^Transcript: (?!Transcribing)/);
    await console.getByTestId('video-play').click();
    expect(await expectVideoPlaying(console, 'video-clip')).toBeGreaterThan(0);
    await closeAll();
  }, 90_000);
});
