'use strict';
// A worker thread of a batch (src/check/worker.ts), run from the CLI's bundle.
require('../dist/bundle/main.cjs').serveBatch(require('node:worker_threads'));
