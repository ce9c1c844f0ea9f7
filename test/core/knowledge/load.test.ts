import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FactsBot, KnowledgeError, TOPICS } from '../../../src/core/index.ts';
import { loadKnowledge } from '../../../src/core/knowledge/load.ts';
import { DATA_DIR } from '../../helpers/bot.ts';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'facts-load-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

type Json = Record<string, unknown>;

/** A valid fact with at least one reference, taken from the real data so the test never drifts from the schema. */
function sampleFact(): Json {
  for (const name of fs.readdirSync(path.join(DATA_DIR, 'facts'))) {
    const facts = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'facts', name), 'utf8')) as Array<Json & { refs: number[] }>;
    const found = facts.find((f) => f.refs.length > 0);
    if (found) return structuredClone(found);
  }
  throw new Error('no fact with references in data/facts');
}

let counter = 0;
/** A data dir holding a copy of the real source.json and the given fact files (raw text or JSON values). */
function dataDir(files: Record<string, unknown>): string {
  const dir = path.join(tmpRoot, `case-${++counter}`);
  fs.mkdirSync(path.join(dir, 'facts'), { recursive: true });
  fs.copyFileSync(path.join(DATA_DIR, 'source.json'), path.join(dir, 'source.json'));
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, 'facts', name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return error as KnowledgeError;
  }
  throw new Error(`loading ${dir} did not fail`);
}

describe('loadKnowledge', () => {
  it('GIVEN the real data THEN loads every fact with its source', () => {
    const { facts, source } = loadKnowledge(DATA_DIR);
    expect(facts.length).toBeGreaterThanOrEqual(80);
    expect(source.article.doi).not.toBe('');
    for (const fact of facts) expect(TOPICS).toContain(fact.topic);
  });

  it('GIVEN a copy of one valid fact THEN loads it unchanged', () => {
    const fact = sampleFact();
    const { facts } = loadKnowledge(dataDir({ 'one.json': [fact] }));
    expect(facts).toEqual([fact]);
  });

  it('GIVEN a facts file that is not JSON THEN the error names the file', () => {
    const dir = dataDir({ 'broken.json': '[{"id": "half-written",' });
    const error = loadError(dir);
    expect(error.message).toContain(path.join(dir, 'facts', 'broken.json'));
    expect(error.message).toMatch(/JSON/);
  });

  const fieldCases: Array<{ name: string; field: string; breakIt: (fact: Json & Record<'en' | 'ru' | 'kk', Json>) => void }> = [
    { name: 'a missing kk.answer', field: 'kk.answer', breakIt: (f) => void delete f.kk.answer },
    { name: 'an empty en.title', field: 'en.title', breakIt: (f) => void (f.en.title = '   ') },
    { name: 'a date that is not ISO', field: 'dates', breakIt: (f) => void (f.dates = ['2019-13-45']) },
    { name: 'a date in another format', field: 'dates', breakIt: (f) => void (f.dates = ['12.04.2019']) },
    { name: 'a topic outside the fixed set', field: 'topic', breakIt: (f) => void (f.topic = 'sport') },
    { name: 'too few ru questions', field: 'ru.questions', breakIt: (f) => void (f.ru.questions = ['Один?']) },
    { name: 'an unexpected field', field: 'en', breakIt: (f) => void (f.en.answr = 'typo in a field name') },
  ];

  it.each(fieldCases)('GIVEN $name THEN the error names the file, the fact id and the field $field', ({ field, breakIt }) => {
    const fact = sampleFact() as Json & Record<'en' | 'ru' | 'kk', Json>;
    breakIt(fact);
    const dir = dataDir({ 'broken.json': [fact] });
    const { message } = loadError(dir);
    expect(message).toContain(path.join(dir, 'facts', 'broken.json'));
    // The field comes right after the fact it belongs to: `…: fact "<id>": <field>: <problem>`.
    expect(message).toContain(`"${String(fact.id)}": ${field}`);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('GIVEN the same id in two files THEN the error names both files, the id and the field', () => {
    const fact = sampleFact();
    const dir = dataDir({ 'a.json': [fact], 'b.json': [fact] });
    const { message } = loadError(dir);
    expect(message).toContain(path.join(dir, 'facts', 'a.json'));
    expect(message).toContain(path.join(dir, 'facts', 'b.json'));
    expect(message).toContain(`"${String(fact.id)}": id`);
  });

  it('GIVEN a reference number the article does not have THEN the error names the file, the fact, refs and the number', () => {
    const fact: Json = { ...sampleFact(), refs: [999] };
    const dir = dataDir({ 'refs.json': [fact] });
    const { message } = loadError(dir);
    expect(message).toContain(path.join(dir, 'facts', 'refs.json'));
    expect(message).toContain(`"${String(fact.id)}": refs`);
    expect(message).toContain('999');
  });

  it('GIVEN a fact without an id THEN the error points at its position in the file', () => {
    const { id: _id, ...fact } = sampleFact();
    const { message } = loadError(dataDir({ 'noid.json': [sampleFact(), fact] }));
    expect(message).toContain('#2: id');
  });

  it('GIVEN a facts folder with no files THEN says so', () => {
    expect(loadError(dataDir({})).message).toMatch(/no fact files/);
  });

  it('GIVEN a malformed source.json THEN the error names source.json and the field', () => {
    const dir = dataDir({ 'one.json': [sampleFact()] });
    const source = JSON.parse(fs.readFileSync(path.join(dir, 'source.json'), 'utf8')) as { article: Json };
    delete source.article.doi;
    fs.writeFileSync(path.join(dir, 'source.json'), JSON.stringify(source));
    const { message } = loadError(dir);
    expect(message).toContain(path.join(dir, 'source.json'));
    expect(message).toContain('article.doi');
  });

  it('GIVEN a broken data dir THEN FactsBot refuses to start with a KnowledgeError', () => {
    const dir = dataDir({ 'broken.json': '{' });
    expect(() => new FactsBot({ dataDir: dir })).toThrow(KnowledgeError);
  });
});
