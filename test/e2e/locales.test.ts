import { SignJWT } from 'jose';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { api } from '../support/clients.js';
import type { Instance } from '../support/cluster.js';
import { WebHarness } from '../support/webHarness.js';

/**
 * The widget in the user's language: an identity whose `lang` claim is Arabic opens it right to
 * left, mirrored, with Arabic words, though the browser says English; the language select
 * switches it to Spanish, left to right, and a request written there is a Spanish request.
 */
const web = new WebHarness({});
const { config } = web;
let app: Instance;
const VIEWPORT_WIDTH = 1280;

beforeAll(async () => {
  app = await web.start();
}, 60_000);
afterAll(() => web.close());

/** A platform identity as the host signs it, with a language claim (test/support's has none). */
function identityWithLang(lang: string): Promise<string> {
  return new SignJWT({ tier: 'regular', name: 'Layla', lang })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(`locale-${Date.now()}`)
    .setExpirationTime(Math.floor(Date.now() / 1000) + 600)
    .sign(new TextEncoder().encode(config.secrets.platform));
}

const htmlAttribute = (page: Page, name: string) => page.locator('html').getAttribute(name);
async function boxOf(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return box;
}

describe('web: the widget in every language', () => {
  it('opens right to left in Arabic from the identity, then switches to Spanish and asks in it', async () => {
    const viewer = await web.page('en-US');
    await viewer.goto(`${app.url}/?identity=${await identityWithLang('ar')}`);

    // The claim outranks the browser's English: Arabic words, laid out right to left.
    expect(await htmlAttribute(viewer, 'dir')).toBe('rtl');
    expect(await htmlAttribute(viewer, 'lang')).toBe('ar');
    const open = viewer.getByTestId('help-open');
    expect(await open.textContent()).toBe('احصل على المساعدة');
    // Mirrored: the button sits 24 px from the left edge, where English has it on the right.
    expect((await boxOf(viewer, '.help-open')).x).toBeCloseTo(24, 0);
    await open.click();
    await viewer.getByTestId('help-channel-text').click();
    expect(await viewer.getByTestId('help-channel-text').textContent()).toBe('اكتب إلينا');
    expect(await viewer.locator('.widget h2').textContent()).toBe('كيف يمكننا مساعدتك؟');
    const panel = await boxOf(viewer, '.widget');
    expect(panel.x).toBeCloseTo(24, 0);
    // Inside too: the heading starts at the right, the close button ends at the left.
    const heading = await boxOf(viewer, '.widget h2');
    const close = await boxOf(viewer, '.widget header button');
    expect(close.x).toBeLessThan(heading.x);
    expect(await viewer.getByTestId('lang-select').inputValue()).toBe('ar');
    // Saved with the other tests' screens; docs/screens/13-widget-arabic-rtl.png is a copy.
    await screenshot(viewer, '13-widget-arabic-rtl');

    await viewer.getByTestId('lang-select').selectOption('es');
    expect(await htmlAttribute(viewer, 'dir')).toBe('ltr');
    expect(await htmlAttribute(viewer, 'lang')).toBe('es');
    expect(await viewer.getByTestId('help-channel-text').textContent()).toBe('Escríbenos');
    expect(await viewer.getByTestId('help-submit').textContent()).toBe('Pedir ayuda');
    const ltrPanel = await boxOf(viewer, '.widget');
    expect(ltrPanel.x + ltrPanel.width).toBeCloseTo(VIEWPORT_WIDTH - 24, 0);
    await screenshot(viewer, '14-widget-spanish');

    await viewer
      .getByTestId('help-text')
      .fill('Hola, desde ayer no puedo entrar en mi cuenta y no sé qué hacer. ¿Me podéis ayudar?');
    const posted = viewer.waitForResponse(
      (r) => r.url().endsWith('/v1/help-requests') && r.request().method() === 'POST',
    );
    await viewer.getByTestId('help-submit').click();
    const response = await posted;
    expect(response.request().postDataJSON()).toMatchObject({ channel: 'text', language: 'es' });
    const created = (await response.json()) as { id: string; accessToken: string };
    const stored = await api(app, 'GET', `/v1/help-requests/${created.id}`, { token: created.accessToken });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ language: 'es' });

    // The choice is the user's from now on: a reload keeps Spanish over the identity's Arabic,
    // with the widget open again on the case.
    await viewer.reload();
    await viewer.getByTestId('lang-select').waitFor();
    expect(await viewer.getByTestId('lang-select').inputValue()).toBe('es');
    expect(await viewer.locator('.widget h2').textContent()).toBe('¿Cómo podemos ayudarte?');
    expect(await htmlAttribute(viewer, 'dir')).toBe('ltr');
  }, 60_000);

  it('follows an Arabic browser on the widget page, while the console stays English or Chinese', async () => {
    const viewer = await web.page('ar-EG');
    await viewer.goto(`${app.url}/`);
    expect(await htmlAttribute(viewer, 'dir')).toBe('rtl');
    // The host page's English/Chinese switch still works from any language.
    await viewer.getByTestId('lang-switch').click();
    expect(await htmlAttribute(viewer, 'lang')).toBe('zh');
    expect(await htmlAttribute(viewer, 'dir')).toBe('ltr');
    expect(await viewer.getByTestId('help-open').textContent()).toBe('获取帮助');
    await viewer.goto(`${app.url}/agent`);
    expect(await viewer.getByTestId('login-submit').textContent()).toBe('登录');

    // A saved Arabic choice is the widget's alone: the console shows English, left to right.
    // A string: the page's globals are not this Node program's.
    await viewer.evaluate("localStorage.setItem('lifeline.lang', 'ar')");
    await viewer.reload();
    expect(await viewer.getByTestId('login-submit').textContent()).toBe('Sign in');
    expect(await htmlAttribute(viewer, 'lang')).toBe('en');
    expect(await htmlAttribute(viewer, 'dir')).toBe('ltr');
  }, 30_000);
});
