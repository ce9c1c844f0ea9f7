import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FactsBot, KnowledgeError } from '../../../src/core/index.ts';
import { loadKnowledge } from '../../../src/core/knowledge/load.ts';
import { DATA_DIR } from '../../helpers/bot.ts';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'facts-load-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

type Json = Record<string, unknown>;
type FactJson = Json & Record<'en' | 'ru' | 'kk', Json> & { sources: Array<{ source: string; refs: number[] }>; answers: Json };

/** A valid fact with at least one reference, taken from the real data so the test never drifts from the schema. */
function sampleFact(): FactJson {
  for (const name of fs.readdirSync(path.join(DATA_DIR, 'facts'))) {
    const facts = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'facts', name), 'utf8')) as FactJson[];
    const found = facts.find((f) => f.sources.some((s) => s.refs.length > 0) && (f.answers.subjects as string[]).length > 0);
    if (found) return structuredClone(found);
  }
  throw new Error('no fact with references and subjects in data/facts');
}

let counter = 0;
/** A copy of the real data dir whose facts/ holds only the given files (raw text or JSON values). */
function dataDir(files: Record<string, unknown>): string {
  const dir = path.join(tmpRoot, `case-${++counter}`);
  fs.cpSync(DATA_DIR, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'facts'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'facts'));
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, 'facts', name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** Rewrites a JSON file of a data dir. */
function rewrite(dir: string, file: string, change: (data: any) => void): string {
  const full = path.join(dir, file);
  const data = JSON.parse(fs.readFileSync(full, 'utf8'));
  change(data);
  fs.writeFileSync(full, JSON.stringify(data, null, 2));
  return full;
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
  it('GIVEN the real data THEN loads the topics, sources, entities, lexicon and facts', () => {
    const { facts, sources, entities, topics, lexicon } = loadKnowledge(DATA_DIR);
    expect(facts.length).toBeGreaterThan(0);
    expect(sources.size).toBeGreaterThan(0);
    expect(entities.length).toBeGreaterThan(0);
    expect(lexicon.concepts.size).toBeGreaterThan(0);
    const topicIds = new Set(topics.map((t) => t.id));
    for (const fact of facts) expect(topicIds).toContain(fact.topic);
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

  const fieldCases: Array<{ name: string; field: string; breakIt: (fact: FactJson) => void }> = [
    { name: 'a missing kk.answer', field: 'kk.answer', breakIt: (f) => void delete f.kk.answer },
    { name: 'an empty en.title', field: 'en.title', breakIt: (f) => void (f.en.title = '   ') },
    { name: 'a date that is not ISO', field: 'dates', breakIt: (f) => void (f.dates = ['2019-13-45']) },
    { name: 'a date in another format', field: 'dates', breakIt: (f) => void (f.dates = ['12.04.2019']) },
    { name: 'a topic topics.json does not have', field: 'topic', breakIt: (f) => void (f.topic = 'sport') },
    { name: 'too few ru questions', field: 'ru.questions', breakIt: (f) => void (f.ru.questions = ['Один?']) },
    { name: 'an unexpected field', field: 'en', breakIt: (f) => void (f.en.answr = 'typo in a field name') },
    { name: 'no source', field: 'sources', breakIt: (f) => void (f.sources = []) },
    { name: 'an unknown source', field: 'sources.0.source', breakIt: (f) => void (f.sources[0]!.source = 'no-such-source') },
    { name: 'a reference the source does not have', field: 'sources.0.refs', breakIt: (f) => void (f.sources[0]!.refs = [999]) },
    { name: 'a subject that is no entity', field: 'answers.subjects', breakIt: (f) => void (f.answers.subjects = ['no-such-entity']) },
    { name: 'an "of" that is neither concept nor entity', field: 'answers.of', breakIt: (f) => void (f.answers.of = ['no-such-concept']) },
    { name: 'a kind of information the schema lacks', field: 'answers.gives', breakIt: (f) => void (f.answers.gives = ['gossip']) },
    {
      name: 'a date given with no dates',
      field: 'answers.gives',
      breakIt: (f) => {
        f.dates = [];
        f.answers.gives = ['date'];
      },
    },
  ];

  it.each(fieldCases)('GIVEN $name THEN the error names the file, the fact id and the field $field', ({ field, breakIt }) => {
    const fact = sampleFact();
    breakIt(fact);
    const dir = dataDir({ 'broken.json': [fact] });
    const { message } = loadError(dir);
    expect(message).toContain(path.join(dir, 'facts', 'broken.json'));
    // The field comes right after the fact it belongs to: `…: fact "<id>": <field>: <problem>`.
    expect(message).toContain(`"${String(fact.id)}": ${field}`);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('GIVEN a fact that gives a count but holds no number THEN says so', () => {
    const fact = sampleFact();
    fact.answers.gives = ['count'];
    for (const lang of ['en', 'ru', 'kk'] as const) fact[lang].answer = 'No figure here.';
    expect(loadError(dataDir({ 'count.json': [fact] })).message).toContain(`"${String(fact.id)}": answers.gives: gives a count`);
  });

  it('GIVEN the same id in two files THEN the error names both files, the id and the field', () => {
    const fact = sampleFact();
    const dir = dataDir({ 'a.json': [fact], 'b.json': [fact] });
    const { message } = loadError(dir);
    expect(message).toContain(path.join(dir, 'facts', 'a.json'));
    expect(message).toContain(path.join(dir, 'facts', 'b.json'));
    expect(message).toContain(`"${String(fact.id)}": id`);
  });

  it('GIVEN a fact without an id THEN the error points at its position in the file', () => {
    const { id: _id, ...fact } = sampleFact();
    const { message } = loadError(dataDir({ 'noid.json': [sampleFact(), fact] }));
    expect(message).toContain('#2: id');
  });

  it('GIVEN a facts folder with no files THEN says so', () => {
    expect(loadError(dataDir({})).message).toMatch(/holds no \.json files/);
  });

  it('GIVEN a malformed source THEN the error names its file and the field', () => {
    const dir = dataDir({ 'one.json': [sampleFact()] });
    const file = rewrite(dir, 'sources/wang-kalashnikova-2023.json', (source) => void delete source.title.kk);
    const { message } = loadError(dir);
    expect(message).toContain(file);
    expect(message).toContain('title.kk');
  });

  it('GIVEN an entity whose class is not a concept, or whose container does not exist THEN names the file, entity and field', () => {
    const place = loadKnowledge(DATA_DIR).entities.find((e) => e.kind === 'place')!;
    const file = path.join('entities', 'places.json');
    let dir = dataDir({ 'one.json': [sampleFact()] });
    rewrite(dir, file, (list: Json[]) => void (list.find((e) => e.id === place.id)!.partOf = ['atlantis']));
    expect(loadError(dir).message).toBe(`${path.join(dir, file)}: entity "${place.id}": partOf: no entity "atlantis"`);
    dir = dataDir({ 'one.json': [sampleFact()] });
    rewrite(dir, file, (list: Json[]) => void (list.find((e) => e.id === place.id)!.honours = ['atlantis']));
    expect(loadError(dir).message).toBe(`${path.join(dir, file)}: entity "${place.id}": honours: no entity "atlantis"`);
    dir = dataDir({ 'one.json': [sampleFact()] });
    rewrite(dir, file, (list: Json[]) => void (list.find((e) => e.id === place.id)!.isA = [place.id]));
    expect(loadError(dir).message).toContain(`"${place.id}": isA: "${place.id}" is a place, not a concept`);
  });

  it('GIVEN a concept with no words in one language THEN names the lexicon file and the concept', () => {
    const dir = dataDir({ 'one.json': [sampleFact()] });
    let removed = '';
    const file = rewrite(dir, 'lexicon/kk.json', (lexicon: { concepts: Record<string, string[]> }) => {
      removed = Object.keys(lexicon.concepts)[0]!;
      delete lexicon.concepts[removed];
    });
    expect(loadError(dir).message).toBe(`${file}: concepts.${removed}: has no words in this language`);
  });

  it('GIVEN a kind of people that is not a countable concept THEN names the concepts file and the concept', () => {
    const dir = dataDir({ 'one.json': [sampleFact()] });
    const file = rewrite(dir, 'lexicon/concepts.json', (declared: { concepts: Record<string, string>; people: string[] }) => {
      declared.people.push('address');
    });
    expect(loadError(dir).message).toBe(`${file}: people: "address" is not a countable concept`);
  });

  it('GIVEN a headcount that is not an attribute THEN names the concepts file and the concept', () => {
    const dir = dataDir({ 'one.json': [sampleFact()] });
    const file = rewrite(dir, 'lexicon/concepts.json', (declared: { headcounts: string[] }) => {
      declared.headcounts.push('member');
    });
    expect(loadError(dir).message).toBe(`${file}: headcounts: "member" is not an attribute concept`);
  });

  it('GIVEN a broken data dir THEN FactsBot refuses to start with a KnowledgeError', () => {
    const dir = dataDir({ 'broken.json': '{' });
    expect(() => new FactsBot({ dataDir: dir })).toThrow(KnowledgeError);
  });
});
