import fs from 'node:fs';
import type { ChatService } from '../core/index.ts';
import { FactsBot } from '../core/index.ts';
import type { Logger } from '../log.ts';

/** Edits of several files (a `git pull`) arrive as a burst of events: reload once, after they settle. */
const WATCH_SETTLE_MS = 500;

export interface ReloaderOptions {
  chat: ChatService;
  log: Logger;
  /** Builds the knowledge anew from `data/`, validating it (throws KnowledgeError when invalid). */
  load?: () => FactsBot;
}

/**
 * Reloads the facts without a restart (SIGHUP, or a file watch): the new data is loaded and validated first,
 * then put in use in one step; a question already being answered finishes on the old knowledge. Invalid data
 * changes nothing: the old knowledge stays, and the log says why.
 */
export class FactsReloader {
  private readonly load: () => FactsBot;

  constructor(private readonly options: ReloaderOptions) {
    this.load = options.load ?? (() => new FactsBot());
  }

  /** Reloads now; resolves true when the new knowledge is in use. */
  reload(reason: string): boolean {
    const { chat, log } = this.options;
    let bot: FactsBot;
    try {
      bot = this.load();
    } catch (error) {
      log.error(`facts reload (${reason}) failed; still answering from the ${chat.bot.facts.length} facts loaded before`, error);
      return false;
    }
    chat.replaceBot(bot);
    log.info(`facts reloaded (${reason}): ${bot.facts.length} facts`);
    return true;
  }

  /** Reloads whenever a file under `dir` changes; returns the function that stops watching. */
  watch(dir: string): () => void {
    let timer: NodeJS.Timeout | undefined;
    const watcher = fs.watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.reload('data changed'), WATCH_SETTLE_MS);
    });
    watcher.on('error', (error) => this.options.log.warn(`stopped watching ${dir}`, error));
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  }
}
