import type { FactRecord, SourceRecord } from './knowledge/schema.ts';
import type { Translate } from './i18n.ts';
import { LANGS, type Button, type FactRef, type Lang, type Reply, type Source, type Suggestion } from './types.ts';

/** Turns facts and outcomes into platform-neutral replies in one language. */
export class ReplyComposer {
  /** Citations formatted once per language: each source and each of its numbered references. */
  private readonly citations = new Map<string, Source>();

  constructor(
    private readonly t: Translate,
    private readonly sources: ReadonlyMap<string, SourceRecord>,
  ) {}

  private cited(key: string, format: () => Source): Source {
    let source = this.citations.get(key);
    if (!source) this.citations.set(key, (source = format()));
    return { ...source };
  }

  factRef(fact: FactRecord, lang: Lang): FactRef {
    return { id: fact.id, title: fact[lang].title, topic: fact.topic };
  }

  /** The full citation of a source. */
  sourceCitation(source: SourceRecord, lang: Lang): Source {
    return this.cited(`${lang}:${source.id}`, () => {
      const label = this.t(lang, 'sourceCitation', {
        context: source.doi ? 'doi' : undefined,
        authors: source.authors[lang],
        title: source.title[lang],
        published: source.published[lang],
        doi: source.doi,
      });
      return source.url ? { label, url: source.url } : { label };
    });
  }

  /** Every source the knowledge comes from, cited. */
  sourceList(lang: Lang): Source[] {
    return [...this.sources.values()].map((source) => this.sourceCitation(source, lang));
  }

  /** A fact's sources, each followed by the numbered references of it that back the fact. */
  factSources(fact: FactRecord, lang: Lang): Source[] {
    return fact.sources.flatMap(({ source: id, refs }) => {
      const source = this.sources.get(id)!;
      const references = refs.flatMap((number) => {
        const reference = source.references.find((r) => r.number === number);
        if (!reference) return [];
        return [
          this.cited(`${lang}:${id}:${number}`, () => {
            const label = this.t(lang, 'referenceCitation', { number, title: reference.title, source: source.authors[lang], year: source.year });
            return reference.url ? { label, url: reference.url } : { label };
          }),
        ];
      });
      return [this.sourceCitation(source, lang), ...references];
    });
  }

  /** A fact with its sources, related facts and the same fact in the other two languages. */
  fact(fact: FactRecord, lang: Lang, related: readonly FactRecord[]): Reply {
    const buttons: Button[][] = related.map((other) => [
      { label: other[lang].title, action: { type: 'fact', factId: other.id, lang } },
    ]);
    buttons.push(
      LANGS.filter((other) => other !== lang).map((other) => ({
        label: this.t(other, `languageNames.${other}`),
        action: { type: 'fact', factId: fact.id, lang: other },
      })),
    );
    return {
      lang,
      title: fact[lang].title,
      body: fact[lang].answer,
      sources: this.factSources(fact, lang),
      buttons,
      fact: this.factRef(fact, lang),
    };
  }

  /** A message followed by suggested questions, each a button leading to its fact. */
  withSuggestions(lang: Lang, message: string, header: string, suggestions: readonly Suggestion[]): Reply {
    const body = suggestions.length
      ? [message, '', this.t(lang, header), ...suggestions.map((s) => `• ${s.question}`)].join('\n')
      : message;
    return {
      lang,
      body,
      sources: [],
      buttons: suggestions.map((s) => [{ label: s.question, action: { type: 'fact', factId: s.factId, lang } }]),
    };
  }

  message(lang: Lang, body: string, buttons: Button[][] = []): Reply {
    return { lang, body, sources: [], buttons };
  }
}

/** The heading of `count` sources ("Source", "Sources"), by the language's plural rules: every platform shows this one. */
export function sourcesHeading(t: Translate, lang: Lang, count: number): string {
  return t(lang, 'sourceLabel', { count });
}

/** The reply as plain text, exactly as a chat user reads it: title, body, then sources. */
export function renderPlain(reply: Reply, t: Translate): string {
  const parts = [reply.title, reply.body].filter(Boolean) as string[];
  if (reply.sources.length) {
    const label = sourcesHeading(t, reply.lang, reply.sources.length);
    const lines = reply.sources.map((s) => `— ${s.label}${s.url ? ` ${s.url}` : ''}`);
    parts.push(`${label}:\n${lines.join('\n')}`);
  }
  return parts.join('\n\n');
}
