import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadConfig, type Config } from '../../server/config/load.js';
import { launchChromium, loginAs, newPage } from './browser.js';
import { api, platformToken } from './clients.js';
import { startInstance, testEnv, type Instance } from './cluster.js';
import { startWorker, type WorkerProcess } from './workers.js';

/** Every console account a browser suite makes signs in with this. */
export const AGENT_PASSWORD = 'agent-password-1';

export interface ConsoleAccount {
  languages: string[];
  skills: string[];
  /** An agent unless it says otherwise. */
  role?: 'agent' | 'supervisor';
}

/**
 * What the browser suites share: one API instance serving the built web app, a worker when a suite
 * needs transcripts or thumbnails, Chromium with a fake camera and microphone, and the pages a test
 * opens, closed together.
 */
export class WebHarness {
  readonly config: Config;
  private readonly env: Record<string, string>;
  /** Where the instance and the worker keep recordings, when there is a worker. */
  private readonly blobRoot: string | undefined;
  private instance: Instance | undefined;
  private worker: WorkerProcess | undefined;
  private browser: Browser | undefined;
  private readonly pages: Page[] = [];

  /** `worker`: a worker process too, keeping recordings in a directory of its own with the instance. */
  constructor(
    overrides: Record<string, string>,
    private readonly options: { worker?: boolean } = {},
  ) {
    this.blobRoot = options.worker ? mkdtempSync(join(tmpdir(), 'lifeline-web-')) : undefined;
    const recordings: Record<string, string> = this.blobRoot
      ? { VOICE_DIR: join(this.blobRoot, 'voice'), WHISPER_FALLBACK: 'false' }
      : {};
    this.env = testEnv({ ...recordings, ...overrides });
    this.config = loadConfig(this.env);
  }

  /** For beforeAll. The instance starts first, so the worker finds its schema migrated. */
  async start(): Promise<Instance> {
    this.instance = await startInstance(this.config);
    if (this.options.worker) this.worker = await startWorker(this.env);
    this.browser = await launchChromium();
    return this.instance;
  }

  /** What the worker process printed so far, when there is one: pino lines, ids and counts only. */
  get workerLines(): readonly string[] {
    return this.worker?.lines ?? [];
  }

  private get app(): Instance {
    if (!this.instance) throw new Error('the web harness has not been started');
    return this.instance;
  }

  /** A page in a browser context of its own: its own storage, as another person or device. */
  async page(locale?: string): Promise<Page> {
    if (!this.browser) throw new Error('the web harness has not been started');
    const opened = await newPage(this.browser, locale);
    this.pages.push(opened);
    return opened;
  }

  /** Closes every page opened so far, so the next test starts with none signed in. */
  async closePages(): Promise<void> {
    for (const opened of this.pages.splice(0)) await opened.context().close();
  }

  /**
   * A viewer on the demo page, signed in as `identity` (a new user unless given), with the help
   * widget open at this channel.
   */
  async openWidget(channel: 'call' | 'text' | 'voice', identity?: string): Promise<Page> {
    const viewer = await this.page();
    await viewer.goto(`${this.app.url}/?identity=${identity ?? (await platformToken(this.config))}`);
    await viewer.getByTestId('help-open').click();
    await viewer.getByTestId(`help-channel-${channel}`).click();
    return viewer;
  }

  /** A console account that signs in with AGENT_PASSWORD; returns its email. */
  async agent(name: string, account: ConsoleAccount): Promise<string> {
    const email = `${name.toLowerCase().replace(/\W/g, '')}-${Date.now()}@example.test`;
    await api(this.app, 'POST', '/v1/admin/agents', {
      token: this.config.secrets.admin,
      body: { email, password: AGENT_PASSWORD, name, ...account },
    });
    return email;
  }

  /** A new page signed in as `email` at `path`: the agent console unless told otherwise. */
  async signIn(email: string, path = '/agent'): Promise<Page> {
    const opened = await this.page();
    await loginAs(opened, this.app.url, path, email, AGENT_PASSWORD);
    return opened;
  }

  /** For afterAll: closes whatever started. */
  async close(): Promise<void> {
    await this.closePages();
    await this.browser?.close();
    await this.worker?.stop();
    await this.instance?.app.close();
    if (this.blobRoot) await rm(this.blobRoot, { recursive: true, force: true });
  }
}
