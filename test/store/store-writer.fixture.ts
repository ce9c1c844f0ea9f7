import fs from 'node:fs';
import { SqliteStore } from '../../src/store/sqlite-store.ts';

// A child process for the store tests: writes declined questions and language choices in a loop, reporting
// each committed write on stdout. Arguments: <data dir> <label> <count, 0 for until killed>.
const [dir, label, countArg] = process.argv.slice(2);
const count = Number(countArg);
const store = SqliteStore.open(dir!);
const langs = ['en', 'ru', 'kk'] as const;
for (let i = 1; count === 0 || i <= count; i++) {
  await store.logDeclined({ text: `${label} question number ${i}?`, lang: langs[i % 3]!, platform: 'telegram', at: new Date() });
  await store.setLanguage('telegram-chat', label!, langs[i % 3]!);
  fs.writeSync(1, `${i}\n`);
}
await store.close();
