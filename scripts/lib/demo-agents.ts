/** Demo agents seeded by `npm start` and `npm run seed`; idempotent (an existing email is kept). */
export const DEMO_PASSWORD = 'lifeline-demo';

export const DEMO_AGENTS = [
  {
    email: 'ada@lifeline.local',
    name: 'Ada Park',
    languages: ['en'],
    skills: ['account_security', 'payment'],
    maxSessions: 1,
  },
  {
    email: 'liming@lifeline.local',
    name: '李明 Li Ming',
    languages: ['zh', 'en'],
    skills: ['content_moderation', 'technical', 'account_security'],
    maxSessions: 1,
  },
  {
    email: 'sam@lifeline.local',
    name: 'Sam Okafor',
    languages: ['en'],
    skills: ['technical', 'copyright', 'feedback', 'content_moderation'],
    maxSessions: 2,
  },
];

/** A supervisor for the /supervisor view: sees the floor, may listen in silently. */
export const DEMO_SUPERVISOR = {
  email: 'maya@lifeline.local',
  name: 'Maya Chen',
  languages: ['en', 'zh'],
  skills: [],
  maxSessions: 1,
  role: 'supervisor',
};

export async function seedDemoAgents(
  baseUrl: string,
  adminToken: string,
): Promise<{ email: string; status: string }[]> {
  const results = [];
  for (const agent of [...DEMO_AGENTS, DEMO_SUPERVISOR]) {
    const response = await fetch(`${baseUrl}/v1/admin/agents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...agent, password: DEMO_PASSWORD }),
    });
    if (response.status !== 201 && response.status !== 409)
      throw new Error(`seeding ${agent.email} failed: ${response.status} ${await response.text()}`);
    results.push({ email: agent.email, status: response.status === 201 ? 'created' : 'exists' });
  }
  return results;
}
