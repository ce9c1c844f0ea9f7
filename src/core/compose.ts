import type { FactRecord, SourceFile } from './knowledge/schema.ts';
import type { Translate } from './i18n.ts';
import { LANGS, type Button, type FactRef, type Lang, type Reply, type Source, type Suggestion } from './types.ts';

/** Turns facts and outcomes into platform-neutral replies in one language. */
export class ReplyComposer {
  /** Citations formatted once per language: the article and each numbered reference. */
  private readonly citations = new Map<string, Source>();

  constructor(
    private readonly t: Translate,
    private readonly source: SourceFile,
  ) {}

  private cited(key: string, format: () => Source): Source {
    let source = this.citations.get(key);
    if (!source) this.citations.set(key, (source = format()));
    return { ...source };
  }

  factRef(fact: FactRecord, lang: Lang): FactRef {
    return { id: fact.id, title: fact[lang].title, topic: fact.topic };
  }

  articleSource(lang: Lang): Source {
    return this.cited(`${lang}:article`, () => {
      const { article } = this.source;
      const label = this.t(lang, 'articleCitation', {
        authors: article.authors[lang],
        title: article.title[lang],
        issue: article.issue[lang],
        doi: article.doi,
      });
      return { label, url: article.url };
    });
  }

  sources(fact: FactRecord, lang: Lang): Source[] {
    const references = fact.refs.flatMap((number) => {
      const reference = this.source.references.find((r) => r.number === number);
      if (!reference) return [];
      return [
        this.cited(`${lang}:${number}`, () => {
          const label = this.t(lang, 'referenceCitation', { number, title: reference.title });
          return reference.url ? { label, url: reference.url } : { label };
        }),
      ];
    });
    return [this.articleSource(lang), ...references];
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
      sources: this.sources(fact, lang),
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

/** The reply as plain text, exactly as a chat user reads it: title, body, then sources. */
export function renderPlain(reply: Reply, t: Translate): string {
  const parts = [reply.title, reply.body].filter(Boolean) as string[];
  if (reply.sources.length) {
    const label = t(reply.lang, reply.sources.length > 1 ? 'sourcesLabel' : 'sourceLabel');
    const lines = reply.sources.map((s) => `— ${s.label}${s.url ? ` ${s.url}` : ''}`);
    parts.push(`${label}:\n${lines.join('\n')}`);
  }
  return parts.join('\n\n');
}
