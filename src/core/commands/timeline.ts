import { defineCommand } from '../command.ts';
import { SeveralFacts, type TimelineTarget } from '../conversation/several-facts.ts';
import type { FactsBot } from '../facts-bot.ts';
import type { AskResult, Lang } from '../types.ts';

const YEAR = /^\d{4}$/;
const YEARS = /^(\d{4})\s*[-–—]\s*(\d{4})$/;

/**
 * What `/timeline` was given: nothing (the years on record), a year, two years, a topic, or a thing named (a kind of
 * thing: every alliance; one thing: one alliance). Undefined when the text names none of these.
 */
export function timelineTarget(bot: FactsBot, text: string, lang: Lang): TimelineTarget | undefined {
  if (!text) return { topic: undefined };
  if (YEAR.test(text)) return { date: text };
  const years = YEARS.exec(text);
  if (years) {
    const [from, to] = [Number(years[1]), Number(years[2])].sort((a, b) => a - b) as [number, number];
    return { period: { from, to } };
  }
  const topic = bot.findTopic(text, lang);
  if (topic) return { topic };
  const named = bot.read(text, lang).question.entities[0];
  if (!named) return undefined;
  return bot.kinds().includes(named.id) ? { kind: named.id } : { entity: named.id };
}

/** `/timeline [year|topic]`: the dated facts in date order, each line a button to its fact. */
export default defineCommand({
  name: 'timeline',
  position: 40,
  private: false,
  options: [{ name: 'about', kind: 'text', required: false, maxLength: 100 }],
  run: ({ bot, lang, chosenLang, localeHint, args }) => {
    const told = (result: AskResult) => ({ reply: result.reply, told: result });
    if (!args.about) return told(new SeveralFacts(bot).timeline({ topic: undefined }, lang, lang));
    // What was typed is read as a question is: in the language it is written in, answered in it unless one was chosen.
    const prepared = bot.prepare(args.about, { ...(chosenLang && { lang: chosenLang }), ...(localeHint && { localeHint }) });
    if ('result' in prepared) return { reply: prepared.result.reply };
    const target = timelineTarget(bot, prepared.text, prepared.detected.lang);
    if (!target) return { reply: bot.message(prepared.lang, bot.t(prepared.lang, 'timeline.unknown', { text: prepared.text })) };
    return told(new SeveralFacts(bot).timeline(target, prepared.lang, prepared.detected.lang));
  },
});
