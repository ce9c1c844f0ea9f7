import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatService, FactsBot, KnowledgeError, MemoryStore, type Lang, type PreferenceScope } from '../../src/core/index.ts';
import { createLogger } from '../../src/log.ts';
import { FactsReloader } from '../../src/ops/reload.ts';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { DATA_DIR, smallBot } from '../helpers/bot.ts';

const WHO = { platform: 'console' as const, scope: 'console' as const, id: 'reload', thread: 'reload' };

function setup(load: () => FactsBot) {
  const lines: string[] = [];
  const chat = new ChatService(smallBot(), new MemoryStore());
  const reloader = new FactsReloader({ chat, log: createLogger({ format: 'pretty', write: (line) => lines.push(line) }), load });
  return { chat, reloader, lines };
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A copy of data/ to edit. */
function dataCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silkroad-data-'));
  dirs.push(dir);
  fs.cpSync(DATA_DIR, dir, { recursive: true });
  return dir;
}

describe('FactsReloader', () => {
  it('GIVEN valid new data THEN it is put in use, and the log says how many facts', () => {
    const dir = dataCopy();
    const { chat, reloader, lines } = setup(() => new FactsBot({ dataDir: dir }));
    const before = chat.bot;
    expect(reloader.reload('SIGHUP')).toBe(true);
    expect(chat.bot).not.toBe(before);
    expect(chat.bot.facts.length).toBeGreaterThan(before.facts.length);
    expect(lines.at(-1)).toMatch(new RegExp(`INFO facts reloaded \\(SIGHUP\\): ${chat.bot.facts.length} facts`));
  });

  it('GIVEN invalid new data THEN the old knowledge stays, and the log names the file and the field', () => {
    const dir = dataCopy();
    const file = path.join(dir, 'facts', 'economy.json');
    const facts = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ kk: Record<string, unknown> }>;
    delete facts[0]!.kk.answer;
    fs.writeFileSync(file, JSON.stringify(facts));
    const { chat, reloader, lines } = setup(() => new FactsBot({ dataDir: dir }));
    const before = chat.bot;
    expect(reloader.reload('SIGHUP')).toBe(false);
    expect(chat.bot).toBe(before);
    expect(lines.at(-1)).toMatch(/ERROR facts reload \(SIGHUP\) failed; still answering from the \d+ facts loaded before: KnowledgeError: .*economy\.json: fact .*kk\.answer/);
    expect(() => new FactsBot({ dataDir: dir })).toThrow(KnowledgeError);
  });

  it('GIVEN a question in flight while the knowledge is swapped THEN it finishes on the knowledge it started with', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    /** A store that holds the language look-up, so the swap happens while the question is being answered. */
    class SlowStore extends MemoryStore {
      override async getLanguage(scope: PreferenceScope, id: string): Promise<Lang | undefined> {
        await gate;
        return super.getLanguage(scope, id);
      }
    }
    const old = smallBot();
    const chat = new ChatService(old, new SlowStore());
    const question = old.facts[0]!.en.questions[0]!;
    const pending = chat.question(WHO, question);
    const replacement = new FactsBot({ knowledge: { ...loadKnowledge(DATA_DIR), facts: old.facts.slice(1) } });
    chat.replaceBot(replacement);
    release();
    expect((await pending).fact?.id).toBe(old.facts[0]!.id);
    expect((await chat.question(WHO, question)).fact?.id).not.toBe(old.facts[0]!.id);
  });

  it('GIVEN the watch THEN a change under the folder reloads once it settles', async () => {
    const dir = dataCopy();
    let loads = 0;
    const { reloader } = setup(() => {
      loads += 1;
      return smallBot();
    });
    const stop = reloader.watch(dir);
    try {
      fs.appendFileSync(path.join(dir, 'source.json'), '\n');
      fs.appendFileSync(path.join(dir, 'facts', 'economy.json'), '\n');
      const deadline = Date.now() + 5000;
      while (loads === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(loads).toBe(1);
    } finally {
      stop();
    }
  });
});
