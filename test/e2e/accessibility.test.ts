import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, blocking, compactSummary, writeReport, type PageAudit } from '../support/axe.js';
import type { Instance } from '../support/cluster.js';
import { WebHarness } from '../support/webHarness.js';

/**
 * axe-core over every page a person works in: the widget (its form, its line, its conversation,
 * its call, and once right to left in Arabic), the agent console from sign-in to a call, and the
 * supervisor's floor with its listen-in and its knowledge-base editor. No page may have a serious or
 * critical violation of a WCAG A/AA rule or of axe's best practices; every violation, of any impact,
 * and what axe left for a person to review go to bench/results/accessibility.{json,md}.
 */
const web = new WebHarness({ OFFER_TIMEOUT_MS: '30000' });
let app: Instance;
const audits: PageAudit[] = [];
const REPORT = 'bench/results/accessibility';

beforeAll(async () => {
  app = await web.start();
}, 60_000);
afterAll(async () => {
  if (audits.length > 0) {
    console.log(`axe-core violations by page (offending elements):\n${compactSummary(audits)}`);
    writeReport(REPORT, audits);
  }
  await web.close();
});

/** Audits the page as it stands; a serious or critical violation fails the test after the rest ran. */
async function check(page: Page, name: string): Promise<void> {
  const audit = await auditPage(page, name);
  audits.push(audit);
  expect.soft(blocking(audit), `${name}: serious or critical axe violations`).toEqual([]);
}

const account = (role: 'agent' | 'supervisor') => ({
  languages: ['en'],
  skills: ['technical', 'account_security', 'payment'],
  role,
});

async function setStatus(desk: Page, status: 'available' | 'away') {
  await desk.getByTestId(`status-${status}`).click();
  await expect.poll(() => desk.getByTestId(`status-${status}`).getAttribute('aria-pressed')).toBe('true');
}

describe('accessibility (axe-core: WCAG 2 A/AA and best practices)', () => {
  it('the login page', async () => {
    const login = await web.page();
    await login.goto(`${app.url}/agent`);
    await login.getByTestId('login-submit').waitFor();
    await check(login, 'login');
    await web.closePages();
  });

  it('the widget: its form in English and in Arabic, and a text conversation while waiting', async () => {
    const viewer = await web.openWidget('call');
    await viewer.getByTestId('help-text').waitFor();
    await check(viewer, 'widget: help form (call)');

    const arabic = await web.openWidget('text');
    await arabic.getByTestId('lang-select').selectOption('ar');
    await expect.poll(() => arabic.locator('html').getAttribute('dir')).toBe('rtl');
    await arabic.getByTestId('help-text').waitFor();
    await check(arabic, 'widget: help form (Arabic, RTL)');

    // Nobody is available, so the request waits, and its conversation is open meanwhile.
    const writer = await web.openWidget('text');
    await writer.getByTestId('help-assistant').uncheck();
    await writer.getByTestId('help-text').fill('My chat moderation settings vanished');
    await writer.getByTestId('help-submit').click();
    await writer.getByTestId('queue-position').waitFor();
    await writer.getByTestId('call-chat-input').fill('They were there yesterday');
    await writer.getByTestId('call-chat-input').press('Enter');
    await expect.poll(() => writer.getByTestId('call-chat').textContent()).toContain('there yesterday');
    await check(writer, 'widget: text conversation, waiting');
    await writer.getByRole('button', { name: 'Cancel request' }).click();
    await writer.getByTestId('queue-position').waitFor({ state: 'detached' });
    await web.closePages();
  }, 60_000);

  it('a call: the waiting widget, the console from sign-in to the call, and the supervisor listening', async () => {
    const desk = await web.signIn(await web.agent('Ada Audit', account('agent')));
    await desk.getByTestId('status-available').waitFor();
    await check(desk, 'agent console: signed in');
    await setStatus(desk, 'available');
    await check(desk, 'agent console: available');
    await setStatus(desk, 'away');

    const viewer = await web.openWidget('call');
    await viewer.getByTestId('help-text').fill('My stream keeps freezing for all my viewers');
    await viewer.getByTestId('help-submit').click();
    await viewer.getByTestId('queue-position').waitFor();
    await check(viewer, 'widget: waiting (call)');

    await setStatus(desk, 'available');
    await desk.getByTestId('offer-card').waitFor({ timeout: 10_000 });
    await check(desk, 'agent console: offer');
    await desk.getByTestId('offer-accept').click();
    await viewer.getByTestId('call-view').waitFor({ timeout: 15_000 });
    await desk.getByTestId('call-view').waitFor({ timeout: 15_000 });
    await desk.getByTestId('customer-profile').waitFor();
    await check(desk, 'agent console: call');
    await check(viewer, 'widget: call');

    const supervisor = await web.signIn(await web.agent('Sam Audit', account('supervisor')), '/supervisor');
    await supervisor.getByTestId('listen-in').waitFor({ timeout: 10_000 });
    await check(supervisor, 'supervisor: overview');
    await supervisor.getByTestId('listen-in').click();
    await supervisor.getByTestId('listen-heard').waitFor({ timeout: 20_000 });
    await check(supervisor, 'supervisor: listen pane');

    await desk.getByTestId('call-end').click();
    await desk.getByTestId('wrapup-outcome').waitFor();
    await check(desk, 'agent console: wrap-up');
    await viewer.getByTestId('rate-5').waitFor({ timeout: 15_000 });
    await check(viewer, 'widget: ended, rating');

    // The editor signs in as the floor does, in the same tab's storage.
    await supervisor.goto(`${app.url}/supervisor/kb`);
    await supervisor.getByTestId('kb-editor').waitFor();
    await check(supervisor, 'supervisor: knowledge base');
    await web.closePages();
  }, 180_000);
});
