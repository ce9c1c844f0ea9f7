import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { DATA_DIR } from '../helpers/bot.ts';

/*
 * The knowledge lives in data and the engine knows languages: no file of src/ names a place, an institution, a
 * person, an event or a publication of the knowledge base, not even in a comment's example, so that what the
 * engine does is what it does for any source.
 */
const SRC_DIR = join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the engine names no entity of the data', () => {
  const knowledge = loadKnowledge(DATA_DIR);
  // Concepts are words of the language ("museum", "student"); the engine may well speak of those.
  const names = [
    ...new Set(
      knowledge.entities
        .filter((entity) => entity.kind !== 'concept')
        .flatMap((entity) => [...entity.names.en, ...entity.names.ru, ...entity.names.kk])
        .filter((name) => name.length >= 4),
    ),
  ];
  const files = sourceFiles(SRC_DIR);

  it('GIVEN the data THEN there are names and files to look through', () => {
    expect(names.length).toBeGreaterThan(100);
    expect(files.length).toBeGreaterThan(20);
  });

  it('GIVEN every file of src/ THEN none names a place, institution, person, event or publication of the data', () => {
    const found = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return names
        .filter((name) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, 'iu').test(text))
        .map((name) => `${file.slice(SRC_DIR.length + 1)}: ${name}`);
    });
    expect(found).toEqual([]);
  });
});
