/**
 * Preloaded into Keel's server by `npm run bench:http` (NODE_OPTIONS=--import): counts every statement the
 * process sends to PostgreSQL through `pg` (begin, set_config and commit included: each is a round trip) and
 * keeps the running total in $BENCH_STATEMENTS_DIR/<pid>, so the benchmark can divide by the requests it made.
 * Run by hand with BENCH_STATEMENTS_LOG=<file> as well, it writes each statement's text there.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const folder = process.env.BENCH_STATEMENTS_DIR;
if (folder) {
  // The app loads `pg` with require() (a server external package): patch that same module instance.
  const pg = createRequire(path.join(process.cwd(), 'package.json'))('pg');
  const send = pg.Client.prototype.query;
  let statements = 0;
  let written = -1;
  // BENCH_STATEMENTS_LOG: also append each statement's text there, to read what a request sends.
  const log = process.env.BENCH_STATEMENTS_LOG;
  pg.Client.prototype.query = function (...args) {
    statements += 1;
    if (log) {
      const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
      appendFileSync(log, `${String(text).replace(/\s+/g, ' ').slice(0, 160)}\n`);
    }
    return send.apply(this, args);
  };
  const file = path.join(folder, String(process.pid));
  setInterval(() => {
    if (statements === written) return;
    written = statements;
    writeFileSync(file, String(statements));
  }, 50).unref();
}
