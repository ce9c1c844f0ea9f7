import { afterEach } from 'vitest';

export type Cleanup = Array<() => Promise<void> | void>;

/** Steps to undo after each test of the file, run last-in first-out: push a step where something is set up. */
export function cleanupAfterEach(): Cleanup {
  const steps: Cleanup = [];
  afterEach(async () => {
    for (const step of steps.splice(0).reverse()) await step();
  });
  return steps;
}
