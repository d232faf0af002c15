import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium with fake camera and microphone; the flags keep it off every network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

export async function newPage(browser: Browser, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({
    locale,
    viewport: { width: 1280, height: 800 },
    permissions: ['camera', 'microphone'],
  });
  return context.newPage();
}

const SHOTS = 'test-artifacts/screens';
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Waits until a <video> in the page is actually playing decoded frames. */
export async function expectVideoPlaying(page: Page, testId: string, timeoutMs = 20_000): Promise<number> {
  // Runs in the page; a string keeps browser types out of this Node program.
  const check = `(() => { const v = document.querySelector('[data-testid="${testId}"]'); return v && v.videoWidth > 0 && !v.paused ? v.videoWidth : false; })()`;
  const handle = await page.waitForFunction(check, undefined, { timeout: timeoutMs });
  return (await handle.jsonValue()) as number;
}

export async function loginAs(page: Page, baseUrl: string, path: string, email: string, password: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}
