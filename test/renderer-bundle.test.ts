import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

  it('resolves to undefined where the bundle cannot be written, so the renderer runs under tsx', async () => {
    await expect(bundleRenderer('/dev/null/not-a-directory')).resolves.toBeUndefined();
  });
});
