import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src/core/knowledge/load.ts';
import { EntityCatalog } from '../../../src/core/search/entities.ts';
import { Lexicon } from '../../../src/core/text/lexicon.ts';
import { words } from '../../../src/core/text/normalize.ts';
import type { Lang } from '../../../src/core/types.ts';
import { DATA_DIR } from '../../helpers/bot.ts';

/* Names of a made-up world, read with the real lexicon: the catalogue knows languages, the names are data. */
const lexicon = new Lexicon(loadKnowledge(DATA_DIR).lexicon);
const catalog = new EntityCatalog(
  [
    { id: 'society', kind: 'organisation', names: { en: ['Society of the Friends of the Music of the Reed'], ru: ['Общество друзей музыки тростника'], kk: ['Қамыс музыкасы достарының қоғамы'] } },
    { id: 'music', kind: 'concept', names: { en: ['Music of the Reed'], ru: ['Музыка тростника'], kk: ['Қамыс музыкасы'] } },
    { id: 'veloria-in-quornland', kind: 'organisation', names: { en: ['Embassy of Veloria in Quornland'], ru: ['Посольство Велории в Корнландии'], kk: ['Велорияның Корнландиядағы елшілігі'] } },
    { id: 'quornland-in-veloria', kind: 'organisation', names: { en: ['Embassy of Quornland in Veloria'], ru: ['Посольство Корнландии в Велории'], kk: ['Корнландияның Велориядағы елшілігі'] } },
  ],
  lexicon,
);
const found = (text: string, lang: Lang = 'en') => catalog.find(words(text), lang).map((m) => m.id);

describe('EntityCatalog', () => {
  it('GIVEN a name whose words stand far apart through function words THEN it is found whole, not the shorter name inside it', () => {
    expect(found('who leads the society of the friends of the music of the reed?')).toEqual(['society']);
  });

  it('GIVEN the words of a name scattered among other words THEN it is not found', () => {
    expect(found('the society gave friends a lesson in music and then walked to the reed beds')).not.toContain('society');
  });

  it.each<[string, Lang, string]>([
    ['where is the Embassy of Veloria in Quornland?', 'en', 'veloria-in-quornland'],
    ['where is the Embassy of Quornland in Veloria?', 'en', 'quornland-in-veloria'],
    ['где находится посольство Корнландии в Велории?', 'ru', 'quornland-in-veloria'],
    ['Велорияның Корнландиядағы елшілігі қайда?', 'kk', 'veloria-in-quornland'],
  ])('GIVEN %j, the words of two names in another order THEN the name written in their order (%s)', (text, lang, id) => {
    expect(found(text, lang)).toEqual([id]);
  });
});
