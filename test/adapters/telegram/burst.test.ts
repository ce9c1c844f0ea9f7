import { describe, expect, it } from 'vitest';
import { expectedReplies, runBurst } from './burst.ts';

describe('GIVEN a burst of 500 messages from 50 users at once', () => {
  it('THEN each message is answered exactly once, with the right reply, in order per chat', async () => {
    const result = await runBurst(50, 10);
    expect(result.rejected).toBe(0);
    expect(result.chats.reduce((sum, chat) => sum + chat.replies.length, 0)).toBe(500);
    for (const chat of result.chats) expect(chat.replies.map((r) => r.html)).toEqual(await expectedReplies(chat));
    expect(result.latencies).toHaveLength(500);
  });
});
