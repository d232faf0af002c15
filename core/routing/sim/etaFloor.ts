import type { SimOptions } from './simulate.js';

/** Three-minute sessions, as on the P3 floor. */
const SERVICE_RATE = 1 / 180;

const english = { languages: ['en'], skills: [] };
const payment = { languages: ['en'], skills: ['payment'] };
const bilingual = { languages: ['fr', 'en'], skills: [] };

/**
 * A floor for the ETA error, shared by its test and its benchmark: ten agents at about 85% load,
 * in three skill groups. English general requests are served by all ten; payment by the two with
 * the skill, who also take English general work; French by the one bilingual agent, who also takes
 * English general work. Every class has the same urgency, so each line is first come, first served.
 */
export function etaFloor(arrivals: number, seed: number): SimOptions {
  return {
    agents: 10,
    serviceRate: SERVICE_RATE,
    agentProfiles: [...Array<typeof english>(7).fill(english), payment, payment, bilingual],
    classes: [
      { name: 'English, general', arrivalRate: 6.5 * SERVICE_RATE, score: 40 },
      { name: 'English, payment', arrivalRate: 1.4 * SERVICE_RATE, score: 40, category: 'payment' },
      { name: 'French, general', arrivalRate: 0.6 * SERVICE_RATE, score: 40, language: 'fr' },
    ],
    arrivals,
    warmup: Math.round(arrivals / 20),
    seed,
    recordEta: true,
  };
}
