/**
 * The English (QWERTY) and Russian (ЙЦУКЕН) keyboard layouts, key by key. People who forget to switch layouts
 * type "ghbdtn" for "привет"; putting every character back on its key in the other layout undoes it.
 * Punctuation follows the keys too: Shift+/ is "?" on QWERTY but "," on ЙЦУКЕН.
 */
const QWERTY = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?&";
const JCUKEN = 'ёйцукенгшщзхъфывапролджэячсмитьбю.ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,?';

const zip = (from: string, to: string) => new Map([...from].map((char, i) => [char, to[i]!]));
const TO_JCUKEN = zip(QWERTY, JCUKEN);
const TO_QWERTY = zip(JCUKEN, QWERTY);

/**
 * The text as it reads when typed with the other layout: Latin typed on QWERTY becomes the Cyrillic of the same
 * keys, and Cyrillic becomes Latin. The script with more letters in the text decides the direction.
 */
export function switchLayout(text: string): string {
  const latin = (text.match(/[a-z]/gi) ?? []).length;
  const cyrillic = (text.match(/[а-яё]/gi) ?? []).length;
  const keys = latin >= cyrillic ? TO_JCUKEN : TO_QWERTY;
  let switched = '';
  for (const char of text) switched += keys.get(char) ?? char;
  return switched;
}
