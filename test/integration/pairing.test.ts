import { pairingSuite } from './suites/pairing.js';

pairingSuite();
