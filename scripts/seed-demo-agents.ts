/** `npm run seed`: adds the demo agents to a running API (API_URL, LIFELINE_ADMIN_TOKEN). */
import { DEMO_PASSWORD, seedDemoAgents } from './lib/demo-agents.js';

const adminToken = process.env.LIFELINE_ADMIN_TOKEN;
if (!adminToken) {
  console.error('Set LIFELINE_ADMIN_TOKEN to the API’s admin token.');
  process.exit(2);
}
const results = await seedDemoAgents(process.env.API_URL ?? 'http://127.0.0.1:3000', adminToken);
for (const { email, status } of results) console.log(`${email}  password ${DEMO_PASSWORD}  (${status})`);
