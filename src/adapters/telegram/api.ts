import { Telegram } from 'telegraf';
import type { Opts, Telegram as Methods } from 'telegraf/types';

/**
 * Wraps every Bot API call: `call` performs it (or the next transformer), `method` and `payload` say what it
 * is. A transformer may retry, count or refuse calls — the same idea as grammY's `api.config.use`.
 */
export type ApiTransformer = <T>(call: () => Promise<T>, method: string, payload: unknown) => Promise<T>;

type CallOptions = Parameters<Telegram['callApi']>[2];

/**
 * telegraf's client with a chain of API transformers, installed once for the bot's one client: every update
 * is handled with this same instance (see `dispatch` in start.ts), so every call passes the chain.
 */
export class TransformedTelegram extends Telegram {
  private readonly transformers: ApiTransformer[] = [];

  /** Adds a transformer; the first added is the outermost. */
  use(transformer: ApiTransformer): this {
    this.transformers.push(transformer);
    return this;
  }

  override callApi<M extends keyof Methods>(method: M, payload: Opts<M>, options?: CallOptions): Promise<ReturnType<Methods[M]>> {
    const run = (index: number): Promise<ReturnType<Methods[M]>> => {
      const transformer = this.transformers[index];
      if (!transformer) return super.callApi(method, payload, options);
      return transformer(() => run(index + 1), method, payload);
    };
    return run(0);
  }
}
