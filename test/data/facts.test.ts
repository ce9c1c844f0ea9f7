import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS, TOPICS } from '../../src/core/index.ts';
import type { FactRecord, SourceFile } from '../../src/core/knowledge/schema.ts';
import { words } from '../../src/core/text/normalize.ts';
import { UNCOVERED_ATTRIBUTES } from '../../src/core/text/stopwords.ts';
import { DATA_DIR } from '../helpers/bot.ts';

// Read the files directly: these invariants hold for the data itself, whatever the loader checks.
const files = fs.readdirSync(path.join(DATA_DIR, 'facts')).filter((name) => name.endsWith('.json'));
const byFile = files.map((name) => ({
  name,
  facts: JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'facts', name), 'utf8')) as FactRecord[],
}));
const facts = byFile.flatMap((file) => file.facts);
const source = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'source.json'), 'utf8')) as SourceFile;

const KAZAKH_LETTER = /[әғқңөұүһі]/i;

/** The numbers a text mentions, sorted: "15,000", "15 000" and "15000" are one number; so are "23,06" and "23.06". */
function numbers(text: string): string[] {
  const normalized = text
    .replace(/(?<!\d)\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+(?!\d)/g, (n) => n.replace(/\D/g, ''))
    .replace(/(\d),(?=\d)/g, '$1.');
  return (normalized.match(/\d+(?:\.\d+)?/g) ?? []).sort();
}

describe('the number normal form used by these checks', () => {
  it('GIVEN thousands separators and decimal commas THEN reads one number', () => {
    expect(numbers('15,000 and 15 000 and 15\u00a0000 and 15000')).toEqual(['15000', '15000', '15000', '15000']);
    expect(numbers('23,06% vs 23.06%')).toEqual(['23.06', '23.06']);
    expect(numbers('in 2016, 2017 and 2018')).toEqual(['2016', '2017', '2018']);
  });
});

describe('data/facts', () => {
  it('GIVEN every facts file THEN the base holds 80–120 facts', () => {
    expect(facts.length).toBeGreaterThanOrEqual(80);
    expect(facts.length).toBeLessThanOrEqual(120);
  });

  it('GIVEN every fact THEN ids are unique across files', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { name, facts: list } of byFile) {
      for (const fact of list) {
        const other = seen.get(fact.id);
        if (other) duplicates.push(`${fact.id} in ${other} and ${name}`);
        seen.set(fact.id, name);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('GIVEN every topic THEN at least one fact belongs to it, and every fact to a known topic', () => {
    for (const topic of TOPICS) expect(facts.some((f) => f.topic === topic), topic).toBe(true);
    for (const fact of facts) expect(TOPICS, fact.id).toContain(fact.topic);
  });

  it('GIVEN every fact THEN it has a title, an answer, questions and keywords in en, ru and kk', () => {
    for (const fact of facts) {
      for (const lang of LANGS) {
        const local = fact[lang];
        expect(local, `${fact.id} ${lang}`).toBeDefined();
        expect(local.title.trim(), `${fact.id} ${lang}.title`).not.toBe('');
        expect(local.answer.trim(), `${fact.id} ${lang}.answer`).not.toBe('');
        expect(local.questions.length, `${fact.id} ${lang}.questions`).toBeGreaterThan(0);
        expect(local.keywords.length, `${fact.id} ${lang}.keywords`).toBeGreaterThan(0);
      }
    }
  });

  it('GIVEN every fact THEN its three answers mention the same numbers', () => {
    const mismatches = facts
      .map((fact) => ({ id: fact.id, en: numbers(fact.en.answer), ru: numbers(fact.ru.answer), kk: numbers(fact.kk.answer) }))
      .filter(({ en, ru, kk }) => en.join() !== ru.join() || en.join() !== kk.join());
    expect(mismatches).toEqual([]);
  });

  it('GIVEN every fact THEN its Kazakh title and answer use Kazakh letters', () => {
    const without = facts.flatMap((fact) =>
      (['title', 'answer'] as const).filter((field) => !KAZAKH_LETTER.test(fact.kk[field])).map((field) => `${fact.id} kk.${field}`),
    );
    expect(without).toEqual([]);
  });

  it('GIVEN every Russian answer THEN Kazakh letters appear only inside «quoted» proper names', () => {
    // e.g. the programme «Рухани жаңғыру» keeps its Kazakh name in Russian text.
    const offending = facts
      .filter((fact) => KAZAKH_LETTER.test(fact.ru.answer.replace(/«[^»]*»/g, '')))
      .map((fact) => fact.id);
    expect(offending).toEqual([]);
  });

  it('GIVEN every answer THEN it is at most 600 characters and carries no markup', () => {
    for (const fact of facts) {
      for (const lang of LANGS) {
        const answer = fact[lang].answer;
        expect(answer.length, `${fact.id} ${lang}`).toBeLessThanOrEqual(600);
        expect(answer, `${fact.id} ${lang}`).not.toMatch(/<\/?[a-z][^>]*>|\*\*|__|\]\(/i);
      }
    }
  });

  it('GIVEN every fact THEN each of its references exists in source.json', () => {
    const known = new Set(source.references.map((r) => r.number));
    const unknown = facts.flatMap((fact) => fact.refs.filter((n) => !known.has(n)).map((n) => `${fact.id} → [${n}]`));
    expect(unknown).toEqual([]);
  });

  it('GIVEN the article references THEN every one backs at least one fact', () => {
    const cited = new Set(facts.flatMap((fact) => fact.refs));
    expect(source.references.map((r) => r.number).filter((n) => !cited.has(n))).toEqual([]);
  });

  it('GIVEN source.json THEN the article has a DOI, and its URL resolves that DOI', () => {
    expect(source.article.doi).toMatch(/^10\.\d{4,}\//);
    expect(source.article.url).toContain(source.article.doi);
  });
});

describe('never-recorded attributes', () => {
  // Abai Readings were held on Abai's birthday ("в день рождения", "туған күні"); his birth date is not given.
  const birthday = new Set(['rojdenia', 'tugan']);

  it('GIVEN every fact in every language THEN its title and answer use no word the bot treats as never recorded', () => {
    const used = facts.flatMap((fact) =>
      LANGS.flatMap((lang) =>
        words(`${fact[lang].title} ${fact[lang].answer}`)
          .filter((word) => UNCOVERED_ATTRIBUTES.has(word) && !(fact.id === 'abai-readings-beijing-2022' && birthday.has(word)))
          .map((word) => `${fact.id} (${lang}): ${word}`),
      ),
    );
    expect(used).toEqual([]);
  });
});
