'use strict';
// A worker thread of a batch (src/cli/worker.ts), run from the CLI's own
// bundle so that bundle's code cache spares it compiling what it runs.
const threads = require('node:worker_threads');
const { loadBundle } = require('./load-bundle.js');

loadBundle('main').exports.serveBatch(threads);
