import { reofferSuite } from './suites/reoffer.js';

reofferSuite();
