#!/usr/bin/env node
/** Entry point of the `veeam-contract` bin. */
import { SIGNAL_EXIT_CODES, type StopSignal } from './errors.js';
import { processIO } from './io.js';
import { run } from './run.js';

// Ctrl+C and SIGTERM (CI cancellation) abort the run: `mock` shuts down, the other commands end at
// once with 130 / 143. A second signal, or a run that does not end within 5 s, exits right away.
const controller = new AbortController();
for (const sig of Object.keys(SIGNAL_EXIT_CODES) as StopSignal[]) {
  process.on(sig, () => {
    if (controller.signal.aborted) process.exit(SIGNAL_EXIT_CODES[sig]);
    controller.abort(sig);
    setTimeout(() => process.exit(SIGNAL_EXIT_CODES[sig]), 5000).unref();
  });
}

run(process.argv.slice(2), processIO(), controller.signal).then((code) => {
  // Flush stdout before exiting: large JSON/JUnit reports go to pipes.
  process.stdout.write('', () => process.exit(code));
});
