import { cancelAbandonSuite } from './suites/cancel-abandon.js';

cancelAbandonSuite();
