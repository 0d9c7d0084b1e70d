#!/usr/bin/env node
/** Entry point of the `veeam-contract` bin. */
import { processIO } from './io.js';
import { run } from './run.js';

const stop = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});

run(process.argv.slice(2), processIO(), stop).then((code) => {
  // Flush stdout before exiting: large JSON/JUnit reports go to pipes.
  process.stdout.write('', () => process.exit(code));
});
