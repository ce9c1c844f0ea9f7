import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, LANGS, type Lang } from '../../src/core/index.ts';
import { createTranslator } from '../../src/core/i18n.ts';
import { SMALLTALK } from '../../src/core/knowledge/schema.ts';
import { LOCALES_DIR, ROOT } from '../helpers/bot.ts';

type Tree = { [key: string]: string | Tree };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function namespaces(lang: Lang): string[] {
  return fs.readdirSync(path.join(LOCALES_DIR, lang)).filter((f) => f.endsWith('.json')).sort();
}

function read(lang: Lang, file: string): Tree {
  return JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, file), 'utf8')) as Tree;
}

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : flatten(value, `${prefix}${key}.`)));
}

function lookup(tree: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return node;
}

/** i18next's context suffix (`sourceCitation_doi`): the variant of a key the code asks for by `context`. */
const CONTEXT_SUFFIX = /_[a-z]+$/;

const sourceFiles = () =>
  fs
    .readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => fs.readFileSync(path.join(ROOT, 'src', f), 'utf8'));

/** The text of each argument of every call `t(…)` in the code (`bot.t`, `this.t`, `chat.bot.t` alike). */
function translateCalls(code: string): string[][] {
  const calls: string[][] = [];
  for (const match of code.matchAll(/\bt\(/g)) {
    const args: string[] = [''];
    let depth = 0;
    let quote: string | undefined;
    for (let i = match.index + 2; i < code.length; i++) {
      const c = code[i]!;
      if (quote) {
        if (c === '\\') args[args.length - 1] += c + code[++i];
        else {
          if (c === quote) quote = undefined;
          args[args.length - 1] += c;
        }
        continue;
      }
      if (c === "'" || c === '"' || c === '`') quote = c;
      if ('([{'.includes(c)) depth++;
      if (')]}'.includes(c) && depth-- === 0) break;
      if (c === ',' && depth === 0) args.push('');
      else args[args.length - 1] += c;
    }
    calls.push(args);
  }
  return calls;
}

/**
 * Every key the code translates, from the key argument of its `t()` calls: each string literal in it, a template
 * literal with `*` for what it fills in (`commands.*.description`), a namespace kept as `ns:`.
 */
function translatedKeys(): string[] {
  const keys = sourceFiles().flatMap((code) =>
    translateCalls(code).flatMap(([, key = '']) => [...key.matchAll(/'([^']*)'|`([^`]*)`/g)].map((m) => m[1] ?? m[2]!.replace(/\$\{[^}]*\}/g, '*'))),
  );
  // Keys that reach `t()` through a parameter: the headers of suggestions.
  return [...new Set([...keys, 'suggestionsHeader', 'greetingHint'])].filter((key) => /^[\w:.*-]+$/.test(key));
}

/**
 * What counts as used, as `ns:key` patterns: every key translated, a template's `*` ranging over what fills it;
 * every text of every command of the table; each kind of small talk; and `conversation.*`, whose keys the
 * conversation module builds as it goes.
 */
function usedKeyPatterns(): RegExp[] {
  const escape = (text: string) => text.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^.]+');
  const withNamespace = (key: string) => (key.includes(':') ? key : `common:${key}`);
  const commandKeys = COMMANDS.flatMap((c) => [
    `commands.${c.name}.name`,
    `commands.${c.name}.description`,
    ...c.options.flatMap((o) => [`commands.${c.name}.options.${o.name}.name`, `commands.${c.name}.options.${o.name}.description`]),
  ]);
  const keys = [...translatedKeys(), ...commandKeys, ...SMALLTALK.map((kind) => `smalltalk.${kind}`)];
  return [...keys.map((key) => new RegExp(`^${escape(withNamespace(key))}$`)), /^common:conversation\./];
}

const common = Object.fromEntries(LANGS.map((lang) => [lang, read(lang, 'common.json')])) as Record<Lang, Tree>;

describe('locales', () => {
  it('GIVEN the three languages THEN each has the same namespace files', () => {
    const [first, ...rest] = LANGS.map(namespaces);
    expect(first).toContain('common.json');
    for (const other of rest) expect(other).toEqual(first);
  });

  it.each(namespaces('en'))('GIVEN %s THEN en, ru and kk have exactly the same keys (plural suffixes aside)', (file) => {
    const keys = (lang: Lang) => [...new Set(flatten(read(lang, file)).map((k) => k.replace(PLURAL_SUFFIX, '')))].sort();
    expect(keys('ru')).toEqual(keys('en'));
    expect(keys('kk')).toEqual(keys('en'));
  });

  it.each(namespaces('en'))('GIVEN %s THEN every plural key has each form its language needs', (file) => {
    for (const lang of LANGS) {
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const forms = new Map<string, Set<string>>();
      for (const key of flatten(read(lang, file))) {
        const match = PLURAL_SUFFIX.exec(key);
        if (!match) continue;
        const base = key.slice(0, match.index);
        forms.set(base, (forms.get(base) ?? new Set()).add(match[1]!));
      }
      for (const [base, have] of forms) {
        expect(
          needed.filter((category) => !have.has(category)),
          `${lang}/${file}: ${base}`,
        ).toEqual([]);
      }
    }
  });

  it('GIVEN every value THEN it is a non-empty string whose {{placeholders}} match English', () => {
    // A plural form may leave the count out ("one publication").
    const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).filter((p) => p !== 'count').sort();
    for (const key of flatten(common.en)) {
      const base = key.replace(PLURAL_SUFFIX, '');
      for (const lang of LANGS) {
        for (const variant of flatten(common[lang]).filter((k) => k.replace(PLURAL_SUFFIX, '') === base)) {
          const value = lookup(common[lang], variant);
          expect(typeof value === 'string' && value.trim() !== '', `${lang}: ${variant}`).toBe(true);
          expect(placeholders(value as string), `${lang}: ${variant}`).toEqual(placeholders(lookup(common.en, key) as string));
        }
      }
    }
  });

  it.each(COMMANDS.map((c) => c.name))('GIVEN command %s THEN every language gives it a valid name, a description and option texts', (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    for (const lang of LANGS) {
      const localized = lookup(common[lang], `commands.${name}`);
      expect(typeof localized, `${lang}: commands.${name}`).toBe('object');
      const entry = localized as Tree;
      // Valid for both Telegram (a-z, 0-9, _) and Discord (lower-case, up to 32).
      expect(entry.name).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(typeof entry.description).toBe('string');
      expect((entry.description as string).length).toBeGreaterThan(0);
      expect((entry.description as string).length).toBeLessThanOrEqual(100);
      for (const option of command.options) {
        const where = `${lang}: commands.${name}.options.${option.name}`;
        // Discord's rules for option names: lower-case letters (any script), digits, - and _.
        expect(lookup(entry, `options.${option.name}.name`), where).toMatch(/^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u);
        const text = lookup(entry, `options.${option.name}.description`);
        expect(typeof text === 'string' && text.length > 0 && text.length <= 100, where).toBe(true);
      }
    }
  });

  it('GIVEN every literal key the source code translates THEN it exists in English', () => {
    const keys = translatedKeys().filter((key) => !key.includes('*') && !key.includes(':'));
    expect(keys.length).toBeGreaterThan(10);
    const flat = new Set(flatten(common.en).map((k) => k.replace(PLURAL_SUFFIX, '')));
    expect(keys.filter((key) => !flat.has(key))).toEqual([]);
  });

  it('GIVEN every key of every namespace THEN the code uses it', () => {
    const used = usedKeyPatterns();
    const unused = namespaces('en').flatMap((file) => {
      const ns = path.basename(file, '.json');
      return flatten(read('en', file))
        .map((key) => `${ns}:${key.replace(PLURAL_SUFFIX, '')}`)
        .filter((key) => !used.some((pattern) => pattern.test(key) || pattern.test(key.replace(CONTEXT_SUFFIX, ''))));
    });
    expect([...new Set(unused)]).toEqual([]);
  });

  it('GIVEN a text that shows a {{count}} THEN it has plural forms, so that i18next picks "1 fact", «121 факт», «5 фактов»', () => {
    for (const lang of LANGS) {
      for (const file of namespaces(lang)) {
        const tree = read(lang, file);
        const counted = flatten(tree).filter((key) => /\{\{\s*count\s*\}\}/.test(lookup(tree, key) as string));
        expect(counted.filter((key) => !PLURAL_SUFFIX.test(key)), `${lang}/${file}`).toEqual([]);
      }
    }
  });
});

describe('createTranslator', () => {
  const t = createTranslator(LOCALES_DIR);

  it('GIVEN interleaved calls in different languages THEN each call keeps its own language', () => {
    const en = t('en', 'decline');
    const ru = t('ru', 'decline');
    const kk = t('kk', 'decline');
    expect(new Set([en, ru, kk]).size).toBe(3);
    expect(t('en', 'decline')).toBe(en);
    expect(t('kk', 'decline')).toBe(kk);
  });

  it('GIVEN Russian counts THEN chooses one, few and many forms', () => {
    const form = (count: number) => t('ru', 'factCount', { count });
    expect(form(1)).toBe(t('ru', 'factCount_one', { count: 1 }));
    expect(form(21)).toBe(t('ru', 'factCount_one', { count: 21 }));
    expect(form(3)).toBe(t('ru', 'factCount_few', { count: 3 }));
    expect(form(5)).toBe(t('ru', 'factCount_many', { count: 5 }));
    expect(form(11)).toBe(t('ru', 'factCount_many', { count: 11 }));
    expect(new Set([form(1), form(3), form(5)].map((s) => s.replace(/\d+/, ''))).size).toBe(3);
  });

  it('GIVEN Kazakh and English counts THEN every form is interpolated', () => {
    for (const lang of ['en', 'kk'] as const) {
      for (const count of [1, 2, 5]) {
        const text = t(lang, 'factCount', { count });
        expect(text).toContain(String(count));
        expect(text).not.toContain('{{');
        expect(text).not.toContain('factCount');
      }
    }
  });
});
