import type { Knowledge } from '../../src/core/knowledge/load.ts';
import type { FactRecord } from '../../src/core/knowledge/schema.ts';
import { LANGS } from '../../src/core/types.ts';

const SYLLABLES = ['ka', 'ra', 'mu', 'tel', 'zan', 'bor', 'ni', 'sha', 'den', 'lok', 'vi', 'ost', 'pra', 'gul', 'esh'];

/** A made-up word, distinct for each number: grows the vocabulary the way new facts would. */
function word(n: number): string {
  let out = '';
  let rest = n + 7;
  do {
    out += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  return out;
}

/** Scales the real knowledge base to `size` facts: copies of real facts, each with its own names and numbers. */
export function scaleKnowledge(real: Knowledge, size: number): Knowledge {
  const facts: FactRecord[] = [];
  for (let i = 0; i < size; i++) {
    const base = real.facts[i % real.facts.length]!;
    if (i < real.facts.length) {
      facts.push(base);
      continue;
    }
    const tag = `${word(i)} ${word(i * 31 + 5)}`;
    const clone = structuredClone(base);
    clone.id = `${base.id.slice(0, 36)}-s${i}`;
    for (const lang of LANGS) {
      const local = clone[lang];
      local.title = `${local.title} ${tag}`;
      local.answer = `${local.answer.replace(/\d+/g, (d) => String(Number(d) + i))} ${tag}`;
      local.questions = local.questions.map((q) => `${q} ${tag}`);
      local.keywords = [...local.keywords, ...tag.split(' ')];
    }
    facts.push(clone);
  }
  return { ...real, facts };
}
