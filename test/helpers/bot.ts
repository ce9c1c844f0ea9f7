import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { FactsBot, LANGS, type AskResult, type AskStatus, type Lang } from '../../src/core/index.ts';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import type { FactRecord } from '../../src/core/knowledge/schema.ts';

/** The project root: tests read `data/` and `locales/` from here and run the CLI with it as working directory. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_DIR = path.join(ROOT, 'data');
export const LOCALES_DIR = path.join(ROOT, 'locales');

export const STATUSES: readonly AskStatus[] = ['answered', 'list', 'timeline', 'compare', 'compound', 'declined', 'smalltalk', 'clarify', 'empty', 'too-long'];

let shared: FactsBot | undefined;

/** One bot over the real knowledge base per test file: building it loads, validates and indexes `data/`. */
export function realBot(): FactsBot {
  shared ??= new FactsBot();
  return shared;
}

/** The topic ids of the real knowledge base, in menu order. */
export const TOPIC_IDS: readonly string[] = loadKnowledge(DATA_DIR).topics.map((t) => t.id);

/** A bot over the first fact of each topic: quick to build, for tests of plumbing rather than retrieval. */
export function smallBot(options: { random?: () => number } = {}): FactsBot {
  const knowledge = loadKnowledge(DATA_DIR);
  const sample = TOPIC_IDS.flatMap((topic) => knowledge.facts.filter((f) => f.topic === topic).slice(0, 1));
  return new FactsBot({ knowledge: { ...knowledge, facts: sample }, ...options });
}

/** A fact of the real knowledge base by id; fails the test when it is missing. */
export function factOf(bot: FactsBot, id: string): FactRecord {
  const fact = bot.facts.find((f) => f.id === id);
  if (!fact) throw new Error(`no fact "${id}" in the knowledge base`);
  return fact;
}

/** Asserts the invariants every `ask` result keeps, whatever the input. */
export function expectWellFormed(bot: FactsBot, result: AskResult, forced?: Lang): void {
  expect(STATUSES).toContain(result.status);
  expect(result.answered).toBe(result.status === 'answered');
  expect(result.fact === null).toBe(!result.answered);
  expect(result.suggestions.length).toBeLessThanOrEqual(3);
  expect(result.related.length).toBeLessThanOrEqual(3);
  expect(typeof result.text).toBe('string');
  expect(result.text.trim().length).toBeGreaterThan(0);
  expect(LANGS).toContain(result.lang);
  expect(LANGS).toContain(result.detectedLang);
  expect(result.reply.lang).toBe(result.lang);
  expect(Array.isArray(result.sources)).toBe(true);
  if (forced) expect(result.lang).toBe(forced);
  if (result.fact) {
    const id = result.fact.id;
    expect(bot.facts.some((f) => f.id === id)).toBe(true);
    expect(result.related.map((r) => r.id)).not.toContain(id);
    expect(result.reply.fact?.id).toBe(id);
  } else {
    expect(result.related).toEqual([]);
  }
  for (const suggestion of result.suggestions) {
    expect(factOf(bot, suggestion.factId)[result.lang].questions).toContain(suggestion.question);
  }
}
