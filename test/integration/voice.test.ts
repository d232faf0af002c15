import { voiceSuite } from './suites/voice.js';

voiceSuite();
