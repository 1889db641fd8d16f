// Builds the chart renderer as one JavaScript module (see worker-entry.mjs for why). Plain
// JavaScript: the renderer's entry runs it before anything can load TypeScript.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
/** Inside the project, so that the bundle's imports of packages resolve from its node_modules. */
export const BUNDLE_DIR = fileURLToPath(new URL('../../node_modules/.cache/tierbot/', import.meta.url));

/**
 * Each module keeps its own `import.meta.url` (render.ts finds its fonts and packages by it):
 * in a bundle it would otherwise be the bundle's.
 * @type {import('esbuild').Plugin}
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, ({ path }) => ({
      contents: readFileSync(path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
      loader: 'ts',
    }));
  },
};

const BUNDLE_NAME = /^chart-renderer-(\d+)\.mjs$/;

/** Whether a process with this id is running (signal 0 only checks). */
function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err?.code === 'EPERM';
  }
}

/** Bundles left by renderers that were killed before they could delete theirs. */
function removeLeftovers(dir) {
  for (const name of readdirSync(dir)) {
    const pid = BUNDLE_NAME.exec(name)?.[1];
    if (pid && !running(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}

/**
 * The renderer and every module of the project it imports, dynamic imports included, bundled
 * by esbuild (the compiler tsx itself uses) into `dir`, in a file named for this process, since
 * several renderers may start at once (shards, test files); files there of renderers no longer
 * running are removed. Packages stay imports. Resolves to the file's path, or to undefined if it
 * could not be built or written.
 * @param {string} [dir]
 * @returns {Promise<string | undefined>}
 */
export async function bundleRenderer(dir = BUNDLE_DIR) {
  try {
    const esbuild = await import('esbuild');
    try {
      const built = await esbuild.build({
        entryPoints: [WORKER],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: `node${process.versions.node}`,
        packages: 'external',
        plugins: [ownImportMetaUrl],
        write: false,
        logLevel: 'silent',
      });
      mkdirSync(dir, { recursive: true });
      removeLeftovers(dir);
      const file = join(dir, `chart-renderer-${process.pid}.mjs`);
      writeFileSync(file, built.outputFiles[0].contents);
      return file;
    } finally {
      // esbuild's service process would otherwise live as long as the renderer.
      await esbuild.stop();
    }
  } catch {
    return undefined;
  }
}
