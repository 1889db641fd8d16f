import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleRenderer } from '../src/charts/renderer-bundle.mjs';

describe('the chart renderer as one JavaScript module', () => {
  it('holds every module of the project the renderer imports, each with its own import.meta.url', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierbot-renderer-'));
    try {
      const file = await bundleRenderer(dir);
      expect(file).toBe(join(dir, `chart-renderer-${process.pid}.mjs`));
      const code = readFileSync(file!, 'utf8');
      // What it still imports are packages and Node's own modules, never a file of the project.
      const imported = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\(\s*)["']([^"']+)["']/g)].map((m) => m[1]!);
      expect(imported).toContain('@resvg/resvg-js');
      expect(imported.filter((specifier) => /^[./]/.test(specifier))).toEqual([]);
      // render.ts finds its fonts next to itself, not next to the bundle.
      expect(code).not.toContain('import.meta.url');
      expect(code).toContain(JSON.stringify(pathToFileURL(join(process.cwd(), 'src/charts/render.ts')).href));
      // Node takes it as JavaScript: no TypeScript is left in it.
      execFileSync(process.execPath, ['--check', file!]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes the bundles of renderers no longer running, and keeps those of running ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierbot-renderer-'));
    try {
      const gone = spawnSync(process.execPath, ['-e', '']).pid!; // has exited by now
      const alive = process.ppid;
      for (const pid of [gone, alive]) writeFileSync(join(dir, `chart-renderer-${pid}.mjs`), '');
      writeFileSync(join(dir, 'notes.txt'), '');
      await bundleRenderer(dir);
      expect(readdirSync(dir).sort()).toEqual([`chart-renderer-${alive}.mjs`, `chart-renderer-${process.pid}.mjs`, 'notes.txt'].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resolves to undefined where the bundle cannot be written, so the renderer runs under tsx', async () => {
    await expect(bundleRenderer('/dev/null/not-a-directory')).resolves.toBeUndefined();
  });
});
