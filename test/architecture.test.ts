/**
 * The layout is the architecture (docs/architecture.md): folders for the domain, the commands,
 * the charts, the interaction core and its ways in. These tests read the import graph of src/
 * and keep it honest: no cycles, a pure domain, a core that knows nothing of discord.js, and no
 * test tooling in the product.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = 'src';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|mts|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every import specifier of a file, type-only imports included. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = normalize(join(dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.mts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return base;
}

const ALL = files(SRC);
const GRAPH = new Map(ALL.map((file) => [file, importsOf(file).flatMap((spec) => resolveLocal(file, spec) ?? [])]));

describe('the layout of src/', () => {
  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of GRAPH.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of ALL) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('has no cycles between folders either: each folder builds on others, never on one that builds on it', () => {
    const folderOf = (file: string) => relative(SRC, file).split('/').slice(0, -1)[0] ?? '(src)';
    const uses = new Map<string, Set<string>>();
    for (const [file, imports] of GRAPH) {
      for (const target of imports.filter((t) => t.startsWith(SRC))) {
        if (folderOf(target) !== folderOf(file)) uses.set(folderOf(file), (uses.get(folderOf(file)) ?? new Set()).add(folderOf(target)));
      }
    }
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      [...(uses.get(from) ?? [])].some((next) => next === to || (!seen.has(next) && (seen.add(next), reaches(next, to, seen))));
    const loops = [...uses].flatMap(([folder, targets]) => [...targets].filter((target) => reaches(target, folder)).map((target) => `${folder} ⇄ ${target}`));
    expect(loops).toEqual([]);
  });

  it('keeps the domain pure: it imports only the domain and plain-data libraries', () => {
    for (const file of ALL.filter((f) => f.startsWith(join(SRC, 'domain')))) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) expect(resolveLocal(file, spec)!.startsWith(join(SRC, 'domain')), `${file} imports ${spec}`).toBe(true);
        else expect(['csv-parse/sync', 'csv-stringify/sync'], `${file} imports ${spec}`).toContain(spec);
      }
    }
  });

  it('keeps discord.js to the gateway way in and its entry point', () => {
    for (const file of ALL.filter((f) => !/^src\/(gateway\/|bot\.ts$)/.test(f))) {
      expect(importsOf(file), file).not.toContain('discord.js');
    }
  });

  it('ships no test tooling: nothing in src/ imports the stand-in, except the playground', () => {
    for (const file of ALL) {
      const toStandIn = importsOf(file).some((spec) => spec.includes('tools/standin'));
      if (toStandIn) expect(file).toBe(join(SRC, 'cli', 'playground.ts'));
    }
  });

  it('groups files by job: only the entry point is loose in src/', () => {
    const loose = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isFile());
    expect(loose).toEqual(['bot.ts']);
  });
});
