import { raceSuite } from './suites/race.js';

raceSuite();
