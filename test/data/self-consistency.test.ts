import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/index.ts';
import { realBot } from '../helpers/bot.ts';

const bot = realBot();

describe('every fact answers its own questions', () => {
  it('GIVEN every question every fact lists, in every language THEN that fact answers at least 99% of them', () => {
    const asked = bot.facts.flatMap((fact) => LANGS.flatMap((lang) => fact[lang].questions.map((question) => ({ fact: fact.id, question }))));
    const missed = asked.filter(({ fact, question }) => bot.ask(question).fact?.id !== fact);
    const share = 1 - missed.length / asked.length;
    // Printed so that a failure shows what to fix in data/.
    expect(share, missed.map((m) => `${m.fact}: ${m.question}`).join('\n')).toBeGreaterThanOrEqual(0.99);
  });
});
