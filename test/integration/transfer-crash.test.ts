import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../server/config/load.js';
import { startApiPair, type ApiProcess } from '../support/apiProcess.js';
import { agentOnline, api, createAgent, createHelpRequest } from '../support/clients.js';
import { testEnv } from '../support/cluster.js';

/**
 * kill -9 of the API process that opened a consult: the invited agent's slot is held in Redis
 * with a deadline, so the surviving instance's sweep expires it and the agent is free again.
 */
const CONSULT_MS = 2000;

let env: Record<string, string>;
let config: Config;
let doomed: ApiProcess;
let survivor: ApiProcess;

beforeAll(async () => {
  env = testEnv({ CONSULT_TIMEOUT_MS: String(CONSULT_MS), PRESENCE_LEASE_MS: '1500', LOG_LEVEL: 'warn' });
  config = loadConfig(env);
  [doomed, survivor] = await startApiPair(env, 60_000);
}, 90_000);
afterAll(async () => {
  await Promise.all([doomed?.crash(), survivor?.crash()]);
});

describe('an API instance killed with a consult open on it', () => {
  it('leaves no slot held: the survivor expires the consult and the invited agent takes new calls', async () => {
    const ana = await createAgent(survivor, config, { languages: ['sv'] });
    const ben = await createAgent(survivor, config, { languages: ['sv'] });
    const anaSocket = await agentOnline(doomed, ana);
    const first = await createHelpRequest(survivor, config, {
      language: 'sv',
      channel: 'text',
      text: 'mitt konto är låst',
    });
    anaSocket.send({ type: 'offer.accept', offerId: (await anaSocket.next('offer')).offerId });
    const ready = await anaSocket.next('session.ready');
    const benSocket = await agentOnline(survivor, ben);

    const consult = await api(doomed, 'POST', `/v1/sessions/${ready.sessionId}/consult`, {
      token: ana.token,
      body: { agentId: ben.id },
    });
    expect(consult.status).toBe(204);
    await benSocket.next('consult.invited');
    await doomed.crash();

    await benSocket.next('transfer.update', (f) => f.state === 'expired', CONSULT_MS + 5000);
    // Ben's slot came back: a new request reaches him, and the first is still Ana's alone.
    const second = await createHelpRequest(survivor, config, {
      language: 'sv',
      channel: 'text',
      text: 'mitt konto är låst',
    });
    const offer = await benSocket.next('offer', () => true, 5000);
    expect(offer.request.id).toBe(second.id);
    const state = async () =>
      (await api(survivor, 'GET', `/v1/help-requests/${first.id}`, { token: first.accessToken })).body
        .state as string;
    expect(await state()).toBe('assigned');
    benSocket.close();
  });
});
