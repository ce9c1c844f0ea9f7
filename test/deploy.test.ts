import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/bot.ts';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const dockerfile = read('Dockerfile');
const instruction = (name: string) => [...dockerfile.matchAll(new RegExp(`^${name} ((?:.*\\\\\\n)*.*)$`, 'gm'))].map((m) => m[1]!.replace(/\\\n\s*/g, ' '));

// What a container engine would do cannot be run here (there is none); .ci/production-check runs the image's
// start command from a production install. These tests keep the files and the scripts saying the same thing.
describe('the Dockerfile', () => {
  it('GIVEN its CMD THEN it is `npm start` without npm, so SIGTERM reaches the bot', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect((JSON.parse(instruction('CMD')[0]!) as string[]).join(' ')).toBe(scripts.start);
  });

  it('GIVEN the image THEN multi-stage on Node 20, a production install, a non-root user, /data a volume, a health check on /healthz', () => {
    expect(instruction('FROM')).toEqual(['node:20-bookworm-slim AS deps', 'node:20-bookworm-slim']);
    expect(instruction('RUN').some((run) => run.includes('npm ci --omit=dev'))).toBe(true);
    expect(instruction('USER')).toEqual(['node']);
    expect(instruction('VOLUME')).toEqual(['["/data"]']);
    expect(dockerfile).toMatch(/DATA_DIR=\/data/);
    expect(instruction('HEALTHCHECK')[0]).toMatch(/OPS_PORT.*\/healthz/);
  });
});

describe('compose.yaml', () => {
  const compose = read('compose.yaml');
  it('GIVEN the services THEN the bot and PostgreSQL, both restarted unless stopped, the bot on the database', () => {
    expect(compose.match(/^ {2}(\w+):$/gm)).toEqual(['  bot:', '  db:']);
    expect(compose.match(/restart: unless-stopped/g)).toHaveLength(2);
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\/silkroad:.*@db:5432\/silkroad/);
    expect(compose).toMatch(/image: postgres:/);
  });
});
