import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../server/config/load.js';
import { startApiPair, within, type ApiProcess } from '../support/apiProcess.js';
import { agentOnline, api, createAgent, createHelpRequest, WsClient } from '../support/clients.js';
import { testEnv } from '../support/cluster.js';

/**
 * kill -9 of one of two API processes holding waiting users, an agent and an outstanding offer.
 * Nothing may be stranded, lost or assigned twice, and the survivors heal without help.
 */
const LEASE_MS = 1500;
const GRACE_MS = 1000;

let env: Record<string, string>;
let config: Config;
let doomed: ApiProcess;
let survivor: ApiProcess;

beforeAll(async () => {
  env = testEnv({
    PRESENCE_LEASE_MS: String(LEASE_MS),
    ABANDON_GRACE_MS: String(GRACE_MS),
    LOG_LEVEL: 'warn',
  });
  config = loadConfig(env);
  [doomed, survivor] = await startApiPair(env);
}, 40_000);
afterAll(async () => {
  await Promise.all([doomed?.crash(), survivor?.crash()]);
});

const stateOf = async (request: { id: string; accessToken: string }) =>
  (await api(survivor, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken })).body
    .state as string;

describe('an API instance killed with waiting users, an agent and an offer on it', () => {
  it('abandons the users who stay away, keeps those who return in order, and moves the offer on', async () => {
    const agentOnDoomed = await createAgent(survivor, config, { languages: ['nl'] });
    const agentOnSurvivor = await createAgent(survivor, config, { languages: ['nl'] });
    const doomedAgent = await agentOnline(doomed, agentOnDoomed);
    const offered = await createHelpRequest(survivor, config, { language: 'nl' });
    const offeredUser = await WsClient.connect(survivor.wsUrl, offered.accessToken);
    const firstOffer = await doomedAgent.next('offer');
    expect(firstOffer.request.id).toBe(offered.id);
    const survivingAgent = await agentOnline(survivor, agentOnSurvivor);

    const waiting = [];
    for (let i = 0; i < 8; i += 1) {
      const request = await createHelpRequest(survivor, config, { language: 'fi', text: `odotan ${i}` });
      const socket = await WsClient.connect(doomed.wsUrl, request.accessToken);
      await socket.next('queue.update');
      waiting.push(request);
    }

    await doomed.crash();
    const crashedAt = performance.now();
    // Three users come back on the survivor at once; two of them then leave for good.
    const returned = await Promise.all(
      waiting.slice(0, 3).map((request) => WsClient.connect(survivor.wsUrl, request.accessToken)),
    );
    const places = await Promise.all(
      returned.map(async (socket) => (await socket.next('queue.update')).position),
    );
    expect(places).toEqual([...places].sort((a, b) => a - b));
    for (const socket of returned.slice(1)) socket.close();

    const moved = await survivingAgent.next('offer', () => true, LEASE_MS + 3000);
    expect(moved.request.id).toBe(offered.id);
    const offerMovedMs = performance.now() - crashedAt;

    const gone = [...waiting.slice(1, 3), ...waiting.slice(3)];
    await within(LEASE_MS + GRACE_MS + 4000, async () =>
      (await Promise.all(gone.map(stateOf))).every((state) => state === 'abandoned'),
    );
    const abandonedMs = performance.now() - crashedAt;
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
    expect(await stateOf(waiting[0]!)).toBe('queued');
    expect(await stateOf(offered)).toBe('offered');
    const overview = await api(survivor, 'GET', `/v1/help-requests/${offered.id}`, {
      token: offered.accessToken,
    });
    expect(overview.body.state).toBe('offered');
    // The agent on the dead instance is offline; the request went to exactly one other agent.
    await survivingAgent.expectNone('offer', 300);
    console.log(
      `instance crash: offer moved on after ${Math.round(offerMovedMs)} ms, absent users abandoned after ${Math.round(abandonedMs)} ms (lease ${LEASE_MS} ms + grace ${GRACE_MS} ms)`,
    );
    survivingAgent.close();
    offeredUser.close();
    returned[0]!.close();
  }, 30_000);
});
