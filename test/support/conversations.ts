import type { Config } from '../../server/config/load.js';
import { agentOnline, createAgent, createHelpRequest, WsClient, type Endpoint } from './clients.js';

/**
 * A waiting request from a user on one instance, their socket open, offered to a fresh agent on
 * another. The language keeps the offer to this agent: each test picks one no other test uses.
 */
export async function offeredConversation(
  config: Config,
  userOn: Endpoint,
  agentOn: Endpoint,
  language: string,
  channel: 'call' | 'text' = 'text',
) {
  const agent = await createAgent(agentOn, config, {
    name: 'Ada Agent',
    languages: [language],
    skills: ['payment'],
  });
  const agentSocket = await agentOnline(agentOn, agent);
  const request = await createHelpRequest(userOn, config, {
    channel,
    ...(channel === 'call' ? { media: 'audio' } : {}),
    language,
    text: 'my payout is missing',
  });
  const userSocket = await WsClient.connect(userOn.wsUrl, request.accessToken);
  const offer = await agentSocket.next('offer', (f) => f.request.id === request.id);
  return { agent, agentSocket, request, userSocket, offer };
}

/** The same conversation once its agent has accepted it and both sides hold the session. */
export async function servedConversation(
  config: Config,
  userOn: Endpoint,
  agentOn: Endpoint,
  language: string,
) {
  const offered = await offeredConversation(config, userOn, agentOn, language);
  offered.agentSocket.send({ type: 'offer.accept', offerId: offered.offer.offerId });
  const agentReady = await offered.agentSocket.next('session.ready');
  const userReady = await offered.userSocket.next('session.ready');
  return { ...offered, agentReady, userReady };
}
