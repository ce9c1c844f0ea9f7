import { FoldedPhrases, foldedSet } from './normalize.ts';

/*
 * What a question asks for beyond its subject: a date, a place, the future, a circumstance. All folded (see
 * normalize.ts), so they work in either script and without Kazakh letters.
 */

/** Words that ask for a time ("when", "когда", "қашан"). */
export const WHEN_WORDS = foldedSet('when когда қашан кашан date дата датасы');

/**
 * Phrases that ask for a year, a month or a day ("in what year", "в каком месяце", "қай күні"): "year" alone
 * names a thing too ("the Year of Tourism").
 */
export const DATE_PHRASES = new FoldedPhrases([
  'what year', 'which year', 'в каком году', 'какого года', 'какой год', 'қай жылы', 'қай жылдары', 'нешінші жылы',
  'what month', 'which month', 'в каком месяце', 'қай айда', 'қай айында', 'what date', 'which day', 'какого числа',
  'қай күні',
]);

/** Words that make "when" ask for a circumstance rather than a date ("when is culture most *needed*"). */
export const CONDITION_WORDS = foldedSet(`
  need needed needs necessary important useful should must matter matters
  нужна нужен нужно нужны необходима необходим необходимо важна важен важно следует
  қажет керек маңызды тиіс
`);

/** Words and phrases that ask where. */
export const WHERE_WORDS = foldedSet('where где қайда');
export const WHERE_PHRASES = new FoldedPhrases(['which city', 'what city', 'в каком городе', 'қай қалада']);

/** Words that put a question in the future ("when *will* it open", "когда *откроются*"). */
export const FUTURE_WORDS = foldedSet(`
  will going
  будет будут состоится состоятся откроется откроются откроет откроют пройдет пройдут начнется начнутся выйдет выйдут
  появится появятся
  болады ашылады басталады шығады
`);
