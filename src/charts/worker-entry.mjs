// The chart renderer's entry (src/charts/index.ts forks it). Plain JavaScript, because it runs
// before anything can load TypeScript.
//
// It runs the renderer (worker.ts and the modules it imports) as one JavaScript bundle, built
// in about 0.1 s, rather than under tsx's loader: that loader runs in a thread of its own, and
// with it the renderer took some 60 MB more (about 155 against 95 MB of RSS after its first
// chart). If the bundle cannot be built or written, the renderer runs under tsx as before.

import { rmSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { bundleRenderer } from './renderer-bundle.mjs';

// ECharts makes many short-lived objects per chart, and V8 then doubles the young generation up
// to 16 MB a semi-space, whose pages stay resident as long as the renderer lives (some 40 MB
// after a few hundred charts). At its first size the renderer draws as fast. The bot holds it the
// same way while it logs in (holdYoungGeneration in src/young-generation.ts); that module is
// TypeScript, which this entry cannot load yet, and the renderer never lets go of it.
setFlagsFromString('--semi-space-growth-factor=1');

// The bot names another directory for the bundle only in tests.
const file = await bundleRenderer(process.argv[2]);
if (file) {
  try {
    await import(pathToFileURL(file).href);
  } finally {
    // Loaded: the module is in memory now, its dynamic imports included.
    rmSync(file, { force: true });
  }
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./worker.ts');
}
