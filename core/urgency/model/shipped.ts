import shipped from './triage-model.json' with { type: 'json' };
import type { TriageModel } from './triageModel.js';

/** The model trained on data/triage/train by `npm run triage:train` (a test holds it to the corpus). */
export const SHIPPED_MODEL = shipped as unknown as TriageModel;
