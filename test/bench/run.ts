import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Runs every `*.bench.ts` beside this file in turn and prints its report. */
const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2).filter((a) => a !== '--');
const benches = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();
for (const file of benches) {
  const { run } = (await import(pathToFileURL(path.join(here, file)).href)) as { run: () => Promise<string> };
  console.log(`\n== ${file.replace('.bench.ts', '')} ==`);
  console.log(await run());
}
