import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Dialogue } from '../../src/core/conversation/dialogue.ts';
import { EMPTY_STATE } from '../../src/core/conversation/state.ts';
import { FactsBot } from '../../src/core/facts-bot.ts';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { FuseBaseline } from '../../src/eval/baseline.ts';
import { readDialogueSet } from '../../src/eval/dialogue-set.ts';
import { readEvalSet } from '../../src/eval/eval-set.ts';
import { ms, summarize, time } from './stats.ts';
import { scaleKnowledge } from './synthetic.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROUNDS = 5;

function line(label: string, samples: number[]): string {
  const { median, p99, n } = summarize(samples);
  return `${label.padEnd(44)} median ${ms(median).padStart(9)}   p99 ${ms(p99).padStart(9)}   (n=${n})`;
}

/** Latency of ask and suggest on the real base and at 10,000 facts, start-up, memory, and the fuse.js baseline. */
export async function run(): Promise<string> {
  const questions = [
    ...readEvalSet(path.join(ROOT, 'test/eval/questions.jsonl')),
    ...readEvalSet(path.join(ROOT, 'test/eval/holdout.jsonl')),
  ].map((q) => q.q);
  const prefixes = questions.flatMap((q) => Array.from({ length: Math.min(q.length, 40) }, (_, i) => q.slice(0, i + 1)));
  const out: string[] = [];

  // Start-up and memory in fresh processes, started the way `npm start` starts the bot (tsx included).
  const probes = Array.from({ length: 5 }, () =>
    JSON.parse(execFileSync(process.execPath, ['--max-semi-space-size=4', '--import', 'tsx', path.join(ROOT, 'test/bench/startup-probe.ts')], { cwd: ROOT, encoding: 'utf8' })) as {
      startupMs: number;
      rssMb: number;
    },
  );
  out.push(line('start-up: load + validate + index (fresh process)', probes.map((p) => p.startupMs)));
  out.push(`resident memory after start-up (fresh process, median of 5): ${summarize(probes.map((p) => p.rssMb)).median.toFixed(0)} MB`);
  const bot = new FactsBot();

  const measure = (label: string, subject: FactsBot) => {
    for (const q of questions) subject.ask(q); // warm-up
    const asks: number[] = [];
    for (let r = 0; r < ROUNDS; r++) for (const q of questions) asks.push(time(() => subject.ask(q)));
    out.push(line(`ask (${label})`, asks));
    const suggests: number[] = [];
    for (const p of prefixes) suggests.push(time(() => subject.suggest(p, 'en', 25)));
    out.push(line(`suggest, every keystroke (${label})`, suggests));
  };
  measure(`${bot.facts.length} facts`, bot);

  // A message of a conversation: read against the state of the ones before it (the store left out).
  const dialogue = new Dialogue(bot);
  const conversations = [
    ...readDialogueSet(path.join(ROOT, 'test/eval/dialogues-a.jsonl')),
    ...readDialogueSet(path.join(ROOT, 'test/eval/dialogues-b.jsonl')),
  ];
  const turns: number[] = [];
  for (let r = 0; r <= ROUNDS; r++) {
    for (const conversation of conversations) {
      let state = EMPTY_STATE;
      for (const turn of conversation.turns) {
        const took = time(() => (state = dialogue.turn(state, turn.q).state));
        if (r > 0) turns.push(took); // the first round warms up
      }
    }
  }
  out.push(line(`ask in a conversation (${bot.facts.length} facts)`, turns));

  const baseline = new FuseBaseline(bot.facts);
  const fuseTimes: number[] = [];
  for (let r = 0; r < ROUNDS; r++) for (const q of questions) fuseTimes.push(time(() => baseline.ask(q)));
  out.push(line(`baseline: plain fuse.js (${bot.facts.length} facts)`, fuseTimes));

  const scaled = scaleKnowledge(loadKnowledge(path.join(ROOT, 'data')), 10_000);
  let big!: FactsBot;
  out.push(line('start-up at 10,000 facts', [time(() => (big = new FactsBot({ knowledge: scaled })))]));
  measure('10,000 facts', big);
  const bigBaseline = new FuseBaseline(big.facts);
  const bigFuse: number[] = [];
  for (const q of questions.slice(0, 20)) bigFuse.push(time(() => bigBaseline.ask(q)));
  out.push(line('baseline: plain fuse.js (10,000 facts)', bigFuse));
  out.push(`resident memory with both bases loaded: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  return out.join('\n');
}
