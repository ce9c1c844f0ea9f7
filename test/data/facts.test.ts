import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/index.ts';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { foldText } from '../../src/core/text/normalize.ts';
import { DATA_DIR } from '../helpers/bot.ts';

// The loader has validated the schema and every reference between files; these are the invariants beyond it.
const { facts, sources, entities, topics } = loadKnowledge(DATA_DIR);

const KAZAKH_LETTER = /[әғқңөұүһі]/i;

/** The numbers a text mentions, sorted: "15,000", "15 000" and "15000" are one number; so are "23,06" and "23.06". */
function numbers(text: string): string[] {
  const normalized = text
    .replace(/(?<!\d)\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+(?!\d)/g, (n) => n.replace(/\D/g, ''))
    .replace(/(\d),(?=\d)/g, '$1.');
  return (normalized.match(/\d+(?:\.\d+)?/g) ?? []).sort();
}

/** A text without its DOIs, URLs and e-mail addresses, whose punctuation is not the language's. */
const prose = (text: string) => text.replace(/\b10\.\d{4,}\/\S+|https?:\/\/\S+|\S+@\S+/g, '');

describe('the number normal form used by these checks', () => {
  it('GIVEN thousands separators and decimal commas THEN reads one number', () => {
    expect(numbers('15,000 and 15 000 and 15\u00a0000 and 15000')).toEqual(['15000', '15000', '15000', '15000']);
    expect(numbers('23,06% vs 23.06%')).toEqual(['23.06', '23.06']);
    expect(numbers('in 2016, 2017 and 2018')).toEqual(['2016', '2017', '2018']);
  });
});

describe('data/facts', () => {
  it('GIVEN every topic THEN at least one fact belongs to it', () => {
    for (const topic of topics) expect(facts.some((f) => f.topic === topic.id), topic.id).toBe(true);
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
    const offending = facts.filter((fact) => KAZAKH_LETTER.test(fact.ru.answer.replace(/«[^»]*»/g, ''))).map((fact) => fact.id);
    expect(offending).toEqual([]);
  });

  it('GIVEN every Russian and Kazakh title and answer THEN decimals take a comma and digit ordinals no suffix', () => {
    const offending = facts.flatMap((fact) =>
      (['ru', 'kk'] as const).flatMap((lang) => {
        const text = prose(`${fact[lang].title} ${fact[lang].answer}`);
        const problems: string[] = [];
        if (/\d\.\d/.test(text)) problems.push(`${fact.id} ${lang}: decimal point`);
        if (lang === 'kk' && /\d-(ші|шы|інші|ыншы)\b/.test(text)) problems.push(`${fact.id} kk: ordinal suffix after a digit`);
        return problems;
      }),
    );
    expect(offending).toEqual([]);
  });

  it('GIVEN every answer THEN it carries no markup', () => {
    for (const fact of facts) {
      for (const lang of LANGS) expect(fact[lang].answer, `${fact.id} ${lang}`).not.toMatch(/<\/?[a-z][^>]*>|\*\*|__|\]\(/i);
    }
  });

  it('GIVEN every source THEN each of its references backs at least one fact', () => {
    for (const source of sources.values()) {
      const cited = new Set(facts.flatMap((fact) => fact.sources.filter((s) => s.source === source.id).flatMap((s) => s.refs)));
      expect(source.references.map((r) => r.number).filter((n) => !cited.has(n)), source.id).toEqual([]);
    }
  });

  it('GIVEN a source with a DOI THEN its URL resolves that DOI', () => {
    for (const source of sources.values()) {
      if (!source.doi) continue;
      expect(source.doi).toMatch(/^10\.\d{4,}\//);
      expect(source.url).toContain(source.doi);
    }
  });
});

describe('data/entities', () => {
  it('GIVEN every entity THEN no other entity goes by one of its names', () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const entity of entities) {
      for (const name of new Set([...LANGS.flatMap((l) => entity.names[l]), ...(entity.aliases ?? [])].map(foldText))) {
        const other = owner.get(name);
        if (other && other !== entity.id) shared.push(`${name}: ${other} and ${entity.id}`);
        owner.set(name, entity.id);
      }
    }
    expect(shared).toEqual([]);
  });

  it('GIVEN every entity THEN its relations have no cycle', () => {
    const byId = new Map(entities.map((e) => [e.id, e]));
    const cyclic = entities.filter((start) => {
      const seen = new Set<string>();
      const stack = [...(start.isA ?? []), ...(start.partOf ?? [])];
      while (stack.length) {
        const id = stack.pop()!;
        if (id === start.id) return true;
        if (seen.has(id)) continue;
        seen.add(id);
        const next = byId.get(id);
        stack.push(...(next?.isA ?? []), ...(next?.partOf ?? []));
      }
      return false;
    });
    expect(cyclic.map((e) => e.id)).toEqual([]);
  });

  it('GIVEN every entity THEN its Russian names use no Kazakh letters, but for a Kazakh proper name kept as is («Рухани жаңғыру»)', () => {
    const offending = entities.flatMap((e) =>
      e.names.ru.filter((name) => KAZAKH_LETTER.test(name.replace(/«[^»]*»/g, '')) && !e.names.kk.includes(name)).map((n) => `${e.id}: ${n}`),
    );
    expect(offending).toEqual([]);
  });
});
