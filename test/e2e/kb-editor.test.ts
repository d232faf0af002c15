import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { api } from '../support/clients.js';
import type { Instance } from '../support/cluster.js';
import { WebHarness } from '../support/webHarness.js';

/**
 * The knowledge-base editor: a supervisor writes an article with Markdown and some HTML, the
 * preview shows the Markdown and none of the HTML, and the saved article is found by the public search.
 */
const web = new WebHarness({});
let app: Instance;

beforeAll(async () => {
  app = await web.start();
}, 60_000);
afterAll(() => web.close());

describe('web: the knowledge-base editor', () => {
  it('writes an article, previews its Markdown safely, and the search finds it', async () => {
    const email = await web.agent('Kim Supervisor', { languages: ['en'], skills: [], role: 'supervisor' });
    const page = await web.signIn(email, '/supervisor/kb');
    await page.getByTestId('kb-editor').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByTestId('kb-title').fill('Reset your password');
    await page
      .getByTestId('kb-body')
      .fill(
        '1. Tap **Forgot password**\n2. Follow the link we email you\n\nSee [this](javascript:window.pwned=true) or [the help centre](https://help.example/reset).\n\n<script>window.pwned = true</script>\n\n<img src=x onerror="window.pwned = true">',
      );
    const preview = page.getByTestId('kb-preview');
    await preview.locator('strong', { hasText: 'Forgot password' }).waitFor();
    expect(await preview.locator('script, img').count()).toBe(0);
    const hrefs = await preview
      .locator('a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs).toEqual(['', 'https://help.example/reset']);
    expect(await page.evaluate(() => (globalThis as { pwned?: boolean }).pwned)).toBeUndefined();
    await screenshot(page, '50-kb-editor');

    await page.getByTestId('kb-save').click();
    await page.getByRole('button', { name: 'Reset your password' }).waitFor();
    const found = await api(app, 'GET', '/v1/kb/search?q=forgot%20my%20password&lang=en');
    expect(found.body.results[0]).toMatchObject({ title: 'Reset your password' });
  });
});
