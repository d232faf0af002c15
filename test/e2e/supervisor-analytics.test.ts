import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHelpRequest } from '../support/clients.js';
import type { Instance } from '../support/cluster.js';
import { WebHarness } from '../support/webHarness.js';

const web = new WebHarness({ ANALYTICS_PUSH_SECONDS: '1' });
let app: Instance;

beforeAll(async () => {
  app = await web.start();
}, 60_000);
afterAll(() => web.close());

describe('supervisor analytics', () => {
  it('shows an empty state, then a uPlot chart with time axes once a call arrives, without a reload', async () => {
    const email = await web.agent('Sam Figures', { languages: ['en'], skills: [], role: 'supervisor' });
    const page = await web.signIn(email, '/supervisor');
    const volume = page.getByTestId('chart-volume');
    await page.getByTestId('analytics').waitFor({ timeout: 10_000 });
    await volume.getByTestId('chart-volume-empty').waitFor({ timeout: 10_000 });
    expect(await volume.getByTestId('chart-volume-empty').textContent()).toBe('No calls in this window');
    expect(await volume.locator('canvas').count()).toBe(0);

    // A call arrives through the API: the floor-watch socket says so and the section refetches.
    await createHelpRequest(app, web.config, { text: 'my stream keeps crashing' });
    await volume.locator('canvas').first().waitFor({ timeout: 10_000 });
    const axes = await volume.getByTestId('chart-volume-axes').textContent();
    expect(axes).toMatch(/^Time \(.+\) · Contacts$/);
    expect(await page.getByTestId('kpi-offered').locator('strong').textContent()).toBe('1');
    const service = await page.getByTestId('chart-service-axes').textContent();
    expect(service).toContain('Service level (%)');
    expect(service).toContain('ASA (s)');
    // The breakdown offers every dimension, and the trends name the day's words.
    expect(await page.getByTestId('breakdown-by').locator('option').count()).toBe(4);
    await page.getByTestId('trends-table').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('trends-table').textContent()).toContain('crashing');
    await page.screenshot({ path: '/tmp/lifeline-analytics.png', fullPage: true });
  }, 60_000);
});
