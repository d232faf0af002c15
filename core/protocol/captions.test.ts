import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { CAPTIONS_TOPIC, CallMood, LiveCaption, callRoleOf } from './captions.js';

const doc = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
const section = doc.split('## Room data messages')[1]?.split(/\n## /)[0] ?? '';

const caption = {
  type: 'caption',
  speaker: 'user',
  text: '',
  seq: 0,
  startedAt: 1_000,
  endedAt: 2_000,
  publishedAt: 2_900,
  mood: { label: 'neutral', value: 0, trend: 'steady', readings: 0 },
};

describe('live captions in the protocol', () => {
  it('are documented under "Room data messages", with the topic and every field', () => {
    expect(section).toContain(`\`${CAPTIONS_TOPIC}\``);
    for (const field of [...Object.keys(LiveCaption.properties), ...Object.keys(CallMood.properties)])
      expect(section, field).toContain(field);
  });

  it('accept an empty caption and refuse one addressed as anything but user or agent speech', () => {
    expect(Value.Check(LiveCaption, caption)).toBe(true);
    expect(Value.Check(LiveCaption, { ...caption, speaker: 'supervisor' })).toBe(false);
    expect(Value.Check(LiveCaption, { ...caption, name: 'Uma' })).toBe(false);
    expect(Value.Check(LiveCaption, { ...caption, mood: { ...caption.mood, value: 2 } })).toBe(false);
  });

  it('tell the parties of a call room apart by the identities the server gives them', () => {
    expect(callRoleOf('user-r1')).toBe('user');
    expect(callRoleOf('agent-a1')).toBe('agent');
    expect(callRoleOf('supervisor-s1')).toBe('supervisor');
    expect(callRoleOf('captions-s1')).toBeNull();
  });
});
