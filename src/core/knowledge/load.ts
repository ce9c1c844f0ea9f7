import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { factFileSchema, sourceFileSchema, type FactRecord, type SourceFile } from './schema.ts';

/** A malformed data file: the message names the file, the fact and the field. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
}

export interface Knowledge {
  facts: FactRecord[];
  source: SourceFile;
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

/** Describes the first problem zod found as `fact "<id>": <field>: <message>`. */
function describeIssue(file: string, data: unknown, issue: z.core.$ZodIssue): string {
  const [index, ...field] = issue.path;
  if (typeof index !== 'number') return `${file}: ${issue.path.join('.') || 'top level'}: ${issue.message}`;
  const record = Array.isArray(data) ? (data[index] as { id?: unknown } | undefined) : undefined;
  const id = typeof record?.id === 'string' ? `"${record.id}"` : `#${index + 1}`;
  return `${file}: fact ${id}: ${field.join('.') || 'record'}: ${issue.message}`;
}

/** Loads and validates `source.json` and every `facts/*.json` under `dataDir`. */
export function loadKnowledge(dataDir: string): Knowledge {
  const sourceFile = path.join(dataDir, 'source.json');
  const sourceData = readJson(sourceFile);
  const source = sourceFileSchema.safeParse(sourceData);
  if (!source.success) {
    const issue = source.error.issues[0]!;
    throw new KnowledgeError(`${sourceFile}: ${issue.path.join('.') || 'top level'}: ${issue.message}`);
  }
  const referenceNumbers = new Set(source.data.references.map((r) => r.number));

  const factsDir = path.join(dataDir, 'facts');
  const files = fs.readdirSync(factsDir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new KnowledgeError(`${factsDir}: holds no fact files`);

  const facts: FactRecord[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = path.join(factsDir, name);
    const data = readJson(file);
    const parsed = factFileSchema.safeParse(data);
    if (!parsed.success) throw new KnowledgeError(describeIssue(file, data, parsed.error.issues[0]!));
    for (const fact of parsed.data) {
      const other = seen.get(fact.id);
      if (other) throw new KnowledgeError(`${file}: fact "${fact.id}": id: already used in ${other}`);
      seen.set(fact.id, file);
      const unknownRef = fact.refs.find((n) => !referenceNumbers.has(n));
      if (unknownRef !== undefined) {
        throw new KnowledgeError(`${file}: fact "${fact.id}": refs: reference ${unknownRef} is not in ${sourceFile}`);
      }
      facts.push(fact);
    }
  }
  return { facts, source: source.data };
}
