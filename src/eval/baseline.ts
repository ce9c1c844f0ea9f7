import Fuse from 'fuse.js';
import type { FactRecord } from '../core/knowledge/schema.ts';
import { LANGS, type Lang } from '../core/types.ts';

/**
 * The reference point every figure is compared with: plain fuse.js, default options, over the facts'
 * answer texts in all three languages. It replies in the language of the answer it matched and never declines
 * unless fuse.js finds nothing.
 */
export class FuseBaseline {
  private readonly fuse: Fuse<{ fact: FactRecord; lang: Lang; text: string }>;

  constructor(facts: readonly FactRecord[]) {
    this.fuse = new Fuse(
      facts.flatMap((fact) => LANGS.map((lang) => ({ fact, lang, text: fact[lang].answer }))),
      { keys: ['text'] },
    );
  }

  ask(question: string): { answered: boolean; lang: Lang; factId: string | null; text: string } {
    const [best] = this.fuse.search(question, { limit: 1 });
    if (!best) return { answered: false, lang: 'en', factId: null, text: '' };
    return { answered: true, lang: best.item.lang, factId: best.item.fact.id, text: best.item.text };
  }
}
