import exec from 'k6/execution';

/** Agents and identities prepared in Node by `npm run load` (tokens are minted there, never in k6). */
export interface Fixture {
  baseUrl: string;
  agents: { id: string; token: string }[];
  /** A supervisor account, for the scenarios that act on the floor (crisis). */
  supervisor?: { id: string; token: string };
  identities: string[];
}

export function loadFixture(): Fixture {
  return JSON.parse(open(__ENV.LIFELINE_FIXTURE as string)) as Fixture;
}

/** A distinct identity per user iteration: each viewer may hold one open request. */
export function identityFor(fixture: Fixture): string {
  const index = exec.scenario.iterationInTest;
  if (index >= fixture.identities.length) throw new Error('more user iterations than prepared identities');
  return fixture.identities[index]!;
}
