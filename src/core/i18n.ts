import fs from 'node:fs';
import path from 'node:path';
import i18next, { type Resource, type TOptions } from 'i18next';
import { LANGS, type Lang } from './types.ts';

/** Translates a key into a fixed language; never touches shared language state. */
export type Translate = (lang: Lang, key: string, options?: TOptions) => string;

/** How many translated strings are remembered before they are forgotten all at once. */
const MAX_REMEMBERED = 10_000;

/** Loads every `locales/<lng>/<namespace>.json` and returns a translator bound to no global language. */
export function createTranslator(localesDir: string): Translate {
  const resources: Resource = {};
  const namespaces = new Set<string>();
  for (const lng of LANGS) {
    resources[lng] = {};
    for (const file of fs.readdirSync(path.join(localesDir, lng)).filter((f) => f.endsWith('.json'))) {
      const ns = path.basename(file, '.json');
      namespaces.add(ns);
      resources[lng][ns] = JSON.parse(fs.readFileSync(path.join(localesDir, lng, file), 'utf8'));
    }
  }
  const instance = i18next.createInstance();
  // Resources are passed in, so init completes synchronously.
  void instance.init({
    resources,
    ns: [...namespaces],
    defaultNS: 'common',
    fallbackLng: 'en',
    supportedLngs: [...LANGS],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  const fixed = Object.fromEntries(LANGS.map((lng) => [lng, instance.getFixedT(lng)]));
  // Every reply asks for the same few strings again (a heading, a plural, a button); i18next resolves each anew.
  const remembered = new Map<string, string>();
  return (lang, key, options) => {
    const id = options ? `${lang}\u0000${key}\u0000${JSON.stringify(options)}` : `${lang}\u0000${key}`;
    let text = remembered.get(id);
    if (text === undefined) {
      text = String(fixed[lang]!(key, options ?? {}));
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(id, text);
    }
    return text;
  };
}
