import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/core/index.ts';

const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute));

describe('MemoryStore', () => {
  it('GIVEN a language set per scope and id THEN reads it back only there', async () => {
    const store = new MemoryStore();
    await store.setLanguage('telegram-chat', '1', 'kk');
    await store.setLanguage('discord-user', '1', 'ru');
    expect(await store.getLanguage('telegram-chat', '1')).toBe('kk');
    expect(await store.getLanguage('discord-user', '1')).toBe('ru');
    expect(await store.getLanguage('console', '1')).toBeUndefined();
    await store.setLanguage('telegram-chat', '1', 'en');
    expect(await store.getLanguage('telegram-chat', '1')).toBe('en');
    await store.clearLanguage('telegram-chat', '1');
    expect(await store.getLanguage('telegram-chat', '1')).toBeUndefined();
    expect(await store.getLanguage('discord-user', '1')).toBe('ru');
  });

  it('GIVEN declined questions THEN groups them by language and text regardless of case, most frequent first', async () => {
    const store = new MemoryStore();
    await store.logDeclined({ text: 'weather', lang: 'en', platform: 'telegram', at: at(1) });
    await store.logDeclined({ text: 'Weather ', lang: 'en', platform: 'discord', at: at(5) });
    await store.logDeclined({ text: 'погода', lang: 'ru', platform: 'telegram', at: at(2) });
    await store.logDeclined({ text: 'weather', lang: 'kk', platform: 'console', at: at(3) });
    const top = await store.topDeclined(10);
    expect(top[0]).toEqual({ text: 'weather', lang: 'en', count: 2, lastAt: at(5) });
    // Equal counts: the most recent first.
    expect(top.slice(1).map((d) => [d.text, d.lang])).toEqual([
      ['weather', 'kk'],
      ['погода', 'ru'],
    ]);
    expect(await store.topDeclined(1)).toHaveLength(1);
    expect(await store.topDeclined(0)).toEqual([]);
  });

  it('GIVEN nothing logged THEN no top questions', async () => {
    expect(await new MemoryStore().topDeclined(5)).toEqual([]);
  });
});
