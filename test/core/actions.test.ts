import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, LANGS, MAX_ACTION_BYTES, type Action } from '../../src/core/index.ts';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { DATA_DIR, TOPIC_IDS } from '../helpers/bot.ts';

// Only the ids are needed: load the data without building a search index.
const { facts } = loadKnowledge(DATA_DIR);

/** Every action any button of the real knowledge base can carry. */
const everyAction: Action[] = LANGS.flatMap((lang): Action[] => [
  ...facts.map((fact): Action => ({ type: 'fact', factId: fact.id, lang })),
  ...TOPIC_IDS.map((topic): Action => ({ type: 'topic', topic, lang })),
  { type: 'topics', lang },
  { type: 'set-lang', lang },
  { type: 'random', lang },
]);

describe('encodeAction / decodeAction', () => {
  it('GIVEN every fact, topic and command action in every language THEN decoding its encoding gives it back', () => {
    expect(everyAction.length).toBe(3 * (facts.length + TOPIC_IDS.length + 3));
    for (const action of everyAction) expect(decodeAction(encodeAction(action))).toEqual(action);
  });

  it('GIVEN every action THEN its encoding fits Telegram callback data', () => {
    expect(MAX_ACTION_BYTES).toBeLessThanOrEqual(64);
    for (const action of everyAction) expect(Buffer.byteLength(encodeAction(action), 'utf8')).toBeLessThanOrEqual(MAX_ACTION_BYTES);
  });

  it('GIVEN different actions THEN their encodings differ', () => {
    expect(new Set(everyAction.map(encodeAction)).size).toBe(everyAction.length);
  });

  it.each([
    '',
    ':',
    'garbage',
    'f',
    'f:en',
    'f:en:',
    'f:xx:ci-kazakhstan-count',
    'f:EN:ci-kazakhstan-count',
    't:en:Not A Topic',
    't:en:',
    'ts',
    'ts:de',
    'ts:en:extra',
    'l:en:extra',
    'l:',
    'r:en:extra',
    'x:en',
    'fact:en:ci-kazakhstan-count',
    '{"type":"fact","factId":"ci-kazakhstan-count","lang":"en"}',
  ])('GIVEN forged or stale data %j THEN null', (data) => {
    expect(decodeAction(data)).toBeNull();
  });

  it('GIVEN data with an extra ":" segment THEN null rather than a truncated action', () => {
    // Nothing encodeAction produces has a third colon: such data was forged or written by another version.
    expect(decodeAction('f:en:ci-kazakhstan-count:extra')).toBeNull();
    expect(decodeAction('t:en:economy:extra')).toBeNull();
  });

  it('GIVEN any string THEN decodeAction never throws and returns null or an action with a known language', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('f', 't', 'ts', 'l', 'r', ':', 'en', 'ru', 'kk', 'economy', '-') })), (data) => {
        const action = decodeAction(data);
        if (action !== null) expect(LANGS).toContain(action.lang);
      }),
      { numRuns: 300 },
    );
  });
});
