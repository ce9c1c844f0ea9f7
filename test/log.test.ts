import { describe, expect, it } from 'vitest';
import { createLogger, scrub } from '../src/log.ts';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

function capture(secrets: string[]) {
  const lines: string[] = [];
  return { lines, log: createLogger({ secrets, format: 'pretty', write: (line) => lines.push(line) }) };
}

describe('createLogger', () => {
  it('GIVEN a message THEN writes one line with time and level', () => {
    const { lines, log } = capture([]);
    log.info('started');
    log.warn('slow');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO started\n$/);
    expect(lines[1]).toMatch(/ WARN slow\n$/);
  });

  it('GIVEN an error with a multi-line stack THEN still writes exactly one line', () => {
    const { lines, log } = capture([]);
    log.error('update failed', new Error('boom'));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.trimEnd()).not.toContain('\n');
    expect(lines[0]).toContain('ERROR update failed: Error: boom');
  });

  it('GIVEN a Telegram token in a Bot API URL, an error message and a stack THEN it never appears', () => {
    const { lines, log } = capture([TOKEN]);
    const url = `https://api.telegram.org/bot${TOKEN}/sendMessage`;
    log.info(`calling ${url}`);
    log.error('request failed', new Error(`request to ${url} failed, reason: ECONNRESET`));
    log.warn('encoded', encodeURIComponent(url));
    log.info(`telegraf's partial redaction: /bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/ and the secret alone ${TOKEN.split(':')[1]}`);
    const all = lines.join('');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(TOKEN.split(':')[1]);
    expect(all).not.toContain(encodeURIComponent(TOKEN));
    expect(all).toContain('https://api.telegram.org/bot***/sendMessage');
  });

  it('GIVEN several secrets (Discord token, webhook secret) THEN each is masked', () => {
    const discord = 'MTA5ODc2NTQzMjEwOTg3NjU0.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789';
    const { lines, log } = capture([TOKEN, discord, 'webhook-secret-42']);
    log.error(`gateway ${discord} hook webhook-secret-42`, { token: TOKEN });
    expect(lines[0]).toBe(lines[0]!.replace(discord, 'X'));
    expect(lines[0]).not.toContain('webhook-secret-42');
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).toContain('gateway *** hook ***');
  });

  it('GIVEN an empty or tiny secret THEN ordinary text is left alone', () => {
    const { lines, log } = capture(['', 'a']);
    log.info('a normal line');
    expect(lines[0]).toContain('a normal line');
  });
});

describe('scrub', () => {
  it('GIVEN text with a token THEN masks it', () => {
    expect(scrub(`x ${TOKEN} y`, [TOKEN])).toBe('x *** y');
  });
});

describe('createLogger in JSON', () => {
  function json(secrets: string[], level: 'info' | 'debug' = 'info') {
    const lines: string[] = [];
    return { lines, log: createLogger({ secrets, format: 'json', level, write: (line) => lines.push(line) }) };
  }

  it('GIVEN events THEN one JSON object per line with level, time and msg, and fields beside them', () => {
    const { lines, log } = json([]);
    log.info('message handled', { platform: 'telegram', outcome: 'answered' });
    log.error('update failed', new Error('boom'));
    const [first, second] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ level: 'info', msg: 'message handled', platform: 'telegram', outcome: 'answered' });
    expect(new Date(first!.time as string).toISOString()).toBe(first!.time);
    expect(second).toMatchObject({ level: 'error', msg: 'update failed', err: { message: 'boom' } });
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
  });

  it('GIVEN a secret anywhere (message, fields, an error stack) THEN it is masked in the line', () => {
    const { lines, log } = json([TOKEN, 'db-pass"word\\x']);
    log.warn(`calling https://api.telegram.org/bot${TOKEN}/getMe`, { url: `bot${TOKEN}`, password: 'db-pass"word\\x' });
    log.error('failed', new Error(`request to /bot${TOKEN}/sendMessage failed`));
    const all = lines.join('');
    expect(all).not.toContain(TOKEN.split(':')[1]);
    expect(all).not.toContain('db-pass');
    expect(JSON.parse(lines[0]!)).toMatchObject({ password: '***', url: 'bot***' });
  });

  it('GIVEN level info THEN debug lines are not written, and the logger says so', () => {
    const { lines, log } = json([]);
    log.debug('question text here');
    expect(lines).toEqual([]);
    expect(log.debugEnabled).toBe(false);
    expect(json([], 'debug').log.debugEnabled).toBe(true);
  });
});
