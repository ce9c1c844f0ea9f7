import fs from 'node:fs';
import path from 'node:path';
import i18next, { type Resource, type TOptions } from 'i18next';
import { LANGS, type Lang } from './types.ts';

/** Translates a key into a fixed language; never touches shared language state. */
export type Translate = (lang: Lang, key: string, options?: TOptions) => string;

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
  return (lang, key, options) => String(fixed[lang]!(key, options ?? {}));
}
