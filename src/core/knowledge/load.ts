import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { LANGS, type Lang } from '../types.ts';
import {
  conceptFileSchema,
  entityFileSchema,
  factFileSchema,
  lexiconSchema,
  sourceSchema,
  topicFileSchema,
  type ConceptType,
  type EntityRecord,
  type FactRecord,
  type LexiconRecord,
  type SourceRecord,
  type TopicFile,
} from './schema.ts';

/** A malformed data file: the message names the file, the record and the field. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
}

/** The words the engine reads each language with, and the type of every concept they name. */
export interface LexiconData {
  languages: Record<Lang, LexiconRecord>;
  concepts: ReadonlyMap<string, ConceptType>;
  /** The countable concepts that are kinds of people. */
  people: ReadonlySet<string>;
  /** Attributes that, said of people, ask their number. */
  headcounts: ReadonlySet<string>;
}

/** Everything under `data/`, validated. */
export interface Knowledge {
  topics: TopicFile;
  sources: ReadonlyMap<string, SourceRecord>;
  entities: readonly EntityRecord[];
  lexicon: LexiconData;
  facts: FactRecord[];
}

function readJson(file: string): unknown {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new KnowledgeError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new KnowledgeError(`${file}: is not valid JSON (${(error as Error).message})`);
  }
}

/** Describes the first problem zod found as `<file>: <record> "<id>": <field>: <message>`. */
function describeIssue(file: string, data: unknown, issue: z.core.$ZodIssue, record: string): string {
  const [index, ...field] = issue.path;
  if (typeof index !== 'number') return `${file}: ${issue.path.join('.') || 'top level'}: ${issue.message}`;
  const item = Array.isArray(data) ? (data[index] as { id?: unknown } | undefined) : undefined;
  const id = typeof item?.id === 'string' ? `"${item.id}"` : `#${index + 1}`;
  return `${file}: ${record} ${id}: ${field.join('.') || 'record'}: ${issue.message}`;
}

function parse<T>(file: string, schema: z.ZodType<T>, record: string): T {
  const data = readJson(file);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new KnowledgeError(describeIssue(file, data, parsed.error.issues[0]!, record));
  return parsed.data;
}

/** The `.json` files of a folder, sorted; a missing or empty folder is an error naming it. */
function jsonFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    throw new KnowledgeError(`${dir}: folder is missing`);
  }
  const files = names.filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new KnowledgeError(`${dir}: holds no .json files`);
  return files.map((name) => path.join(dir, name));
}

/** Records from every file of a folder, with the file each came from; ids must be unique across the folder. */
function readFolder<T extends { id: string }>(dir: string, schema: z.ZodType<T[]>, record: string): Array<{ file: string; item: T }> {
  const seen = new Map<string, string>();
  return jsonFiles(dir).flatMap((file) =>
    parse(file, schema, record).map((item) => {
      const other = seen.get(item.id);
      if (other) throw new KnowledgeError(`${file}: ${record} "${item.id}": id: already used in ${other}`);
      seen.set(item.id, file);
      return { file, item };
    }),
  );
}

function loadLexicon(dir: string): LexiconData {
  const conceptsFile = path.join(dir, 'concepts.json');
  const declared = parse(conceptsFile, conceptFileSchema, 'concepts');
  const concepts = new Map(Object.entries(declared.concepts));
  // A list of concepts of one type ("people" are countable), each checked to be of it.
  const ofType = (key: 'people' | 'headcounts', type: ConceptType, described: string) => {
    const ids = new Set(declared[key] ?? []);
    const other = [...ids].find((id) => concepts.get(id) !== type);
    if (other) throw new KnowledgeError(`${conceptsFile}: ${key}: "${other}" is not ${described} concept`);
    return ids;
  };
  const people = ofType('people', 'countable', 'a countable');
  const headcounts = ofType('headcounts', 'attribute', 'an attribute');
  const languages = {} as Record<Lang, LexiconRecord>;
  for (const lang of LANGS) {
    const file = path.join(dir, `${lang}.json`);
    const lexicon = parse(file, lexiconSchema, 'lexicon');
    const unknown = Object.keys(lexicon.concepts).find((id) => !concepts.has(id));
    if (unknown) throw new KnowledgeError(`${file}: concepts.${unknown}: not declared in ${conceptsFile}`);
    const missing = [...concepts.keys()].find((id) => !(id in lexicon.concepts));
    if (missing) throw new KnowledgeError(`${file}: concepts.${missing}: has no words in this language`);
    languages[lang] = lexicon;
  }
  return { languages, concepts, people, headcounts };
}

function checkEntities(
  entries: Array<{ file: string; item: EntityRecord }>,
  sources: ReadonlyMap<string, SourceRecord>,
  sourceFiles: Map<string, string>,
  concepts: ReadonlyMap<string, unknown>,
): void {
  const byId = new Map(entries.map(({ item }) => [item.id, item]));
  for (const { file, item } of entries) {
    for (const field of ['isA', 'partOf', 'honours'] as const) {
      for (const id of item[field] ?? []) {
        const target = byId.get(id);
        // A class may also be a concept of the lexicon that names nothing on its own ("city": Marlinsk is one).
        if (!target && field === 'isA' && concepts.has(id)) continue;
        if (!target) throw new KnowledgeError(`${file}: entity "${item.id}": ${field}: no entity "${id}"`);
        if (field === 'isA' && target.kind !== 'concept') {
          throw new KnowledgeError(`${file}: entity "${item.id}": isA: "${id}" is a ${target.kind}, not a concept`);
        }
      }
    }
  }
  for (const source of sources.values()) {
    const unknown = source.setting.find((id) => !byId.has(id));
    if (unknown) throw new KnowledgeError(`${sourceFiles.get(source.id)}: setting: no entity "${unknown}"`);
  }
}

/** Numbers in a text, as digits: a fact that gives a count must show one. */
const HAS_NUMBER = /\d/;

function checkFact(
  file: string,
  fact: FactRecord,
  known: { topics: Set<string>; sources: ReadonlyMap<string, SourceRecord>; entities: Set<string>; concepts: ReadonlyMap<string, ConceptType> },
): void {
  const fail = (field: string, message: string) => {
    throw new KnowledgeError(`${file}: fact "${fact.id}": ${field}: ${message}`);
  };
  if (!known.topics.has(fact.topic)) fail('topic', `"${fact.topic}" is not in topics.json`);
  fact.sources.forEach(({ source: id, refs }, i) => {
    const source = known.sources.get(id);
    if (!source) return fail(`sources.${i}.source`, `no source "${id}" in sources/`);
    const numbers = new Set(source.references.map((r) => r.number));
    const unknown = refs.find((n) => !numbers.has(n));
    if (unknown !== undefined) fail(`sources.${i}.refs`, `reference ${unknown} is not in source "${id}"`);
  });
  const { subjects, of, gives } = fact.answers;
  const unknownSubject = subjects.find((id) => !known.entities.has(id));
  if (unknownSubject) fail('answers.subjects', `no entity "${unknownSubject}"`);
  const unknownOf = of.find((id) => !known.entities.has(id) && !known.concepts.has(id));
  if (unknownOf) fail('answers.of', `"${unknownOf}" is neither a concept of the lexicon nor an entity`);
  if (gives.includes('date') && fact.dates.length === 0) fail('answers.gives', 'gives a date but has no dates');
  if (gives.includes('count') && !LANGS.every((l) => HAS_NUMBER.test(fact[l].answer))) {
    fail('answers.gives', 'gives a count but an answer holds no number');
  }
}

/**
 * Loads and validates everything under `dataDir`: `topics.json`, `sources/`, `entities/`, `lexicon/` and
 * `facts/`. Every reference between them is checked; the first problem stops loading with a message naming the
 * file, the record and the field.
 */
export function loadKnowledge(dataDir: string): Knowledge {
  const topics = parse(path.join(dataDir, 'topics.json'), topicFileSchema, 'topic');
  const sourceEntries = jsonFiles(path.join(dataDir, 'sources')).map((file) => ({ file, item: parse(file, sourceSchema, 'source') }));
  const sourceFiles = new Map<string, string>();
  for (const { file, item } of sourceEntries) {
    const other = sourceFiles.get(item.id);
    if (other) throw new KnowledgeError(`${file}: source "${item.id}": id: already used in ${other}`);
    sourceFiles.set(item.id, file);
  }
  const sources = new Map(sourceEntries.map(({ item }) => [item.id, item]));
  const entityEntries = readFolder(path.join(dataDir, 'entities'), entityFileSchema, 'entity');
  const lexicon = loadLexicon(path.join(dataDir, 'lexicon'));
  checkEntities(entityEntries, sources, sourceFiles, lexicon.concepts);

  const known = {
    topics: new Set(topics.map((t) => t.id)),
    sources,
    entities: new Set(entityEntries.map(({ item }) => item.id)),
    concepts: lexicon.concepts,
  };
  const facts = readFolder(path.join(dataDir, 'facts'), factFileSchema, 'fact').map(({ file, item }) => {
    checkFact(file, item, known);
    return item;
  });
  return { topics, sources, entities: entityEntries.map(({ item }) => item), lexicon, facts };
}
