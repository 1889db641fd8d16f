/**
 * The Dockerfile and compose.yaml, kept correct without Docker (the build machines may not run
 * it): both are parsed, and the commands they name must exist in package.json, the files they COPY
 * or mount must exist, and the ports must agree (Tierbot's PORT, EXPOSE, the health check, compose's
 * expose and environment, nginx's upstream and listen, the published port).
 *
 * compose.yaml is read with a small parser for the block-style YAML it is written in (maps, lists,
 * scalars, flow lists of strings): no YAML library is installed, and none is added for one file.
 * Anything outside that subset fails the test, so the file stays in it.
 */

import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies?: Record<string, string> };

// ── A YAML subset ──────────────────────────────────────────────────────────────────────────────

type Yaml = string | Yaml[] | { [key: string]: Yaml };

function scalar(text: string, where: string): Yaml {
  const t = text.trim();
  if (t.startsWith('[')) {
    if (!t.endsWith(']')) throw new Error(`${where}: unterminated flow list`);
    const inner = t.slice(1, -1).trim();
    if (!inner) return [];
    // Items are quoted strings or plain words; commas inside quotes are kept.
    const items = inner.match(/"(?:[^"\\]|\\.)*"|'[^']*'|[^,\s][^,]*/g) ?? [];
    return items.map((item) => scalar(item, where) as string);
  }
  if (t.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(t)) throw new Error(`${where}: bad double-quoted string ${t}`);
    return JSON.parse(t) as string;
  }
  if (t.startsWith("'")) {
    if (!/^'[^']*'$/.test(t)) throw new Error(`${where}: bad single-quoted string ${t}`);
    return t.slice(1, -1);
  }
  if (/^[&*!|>{]/.test(t)) throw new Error(`${where}: anchors, tags, block scalars and flow maps are outside the subset`);
  return t;
}

/** Removes a comment that starts outside quotes. */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}

export function parseYaml(text: string): Yaml {
  const lines = text
    .split('\n')
    .map((raw, n) => ({ n: n + 1, raw: stripComment(raw).replace(/\s+$/, '') }))
    .filter((l) => l.raw.trim() !== '')
    .map((l) => {
      if (/\t/.test(l.raw.match(/^\s*/)![0])) throw new Error(`line ${l.n}: tab indentation`);
      return { n: l.n, indent: l.raw.length - l.raw.trimStart().length, text: l.raw.trim() };
    });
  let i = 0;

  function block(indent: number): Yaml {
    const first = lines[i]!;
    if (first.text.startsWith('- ') || first.text === '-') {
      const list: Yaml[] = [];
      while (i < lines.length && lines[i]!.indent === indent && (lines[i]!.text.startsWith('- ') || lines[i]!.text === '-')) {
        const line = lines[i]!;
        const rest = line.text.slice(1).trim();
        if (rest === '') {
          i++;
          list.push(block(lines[i]!.indent));
        } else if (/^[\w.-]+:(\s|$)/.test(rest)) {
          // "- key: value" starts a map whose keys sit at the column after "- ".
          const inner = indent + (line.text.length - rest.length);
          lines[i] = { n: line.n, indent: inner, text: rest };
          list.push(block(inner));
        } else {
          i++;
          list.push(scalar(rest, `line ${line.n}`));
        }
      }
      return list;
    }
    const map: Record<string, Yaml> = {};
    while (i < lines.length && lines[i]!.indent === indent) {
      const line = lines[i]!;
      const m = /^("[^"]+"|[\w.-]+):(?:\s+(.*))?$/.exec(line.text);
      if (!m) throw new Error(`line ${line.n}: expected "key: value", got ${line.text}`);
      const key = m[1]!.replace(/^"|"$/g, '');
      if (key in map) throw new Error(`line ${line.n}: duplicate key ${key}`);
      i++;
      if (m[2] !== undefined && m[2] !== '') map[key] = scalar(m[2], `line ${line.n}`);
      else if (i < lines.length && lines[i]!.indent > indent) map[key] = block(lines[i]!.indent);
      else if (i < lines.length && lines[i]!.indent === indent && lines[i]!.text.startsWith('- ')) map[key] = block(indent);
      else map[key] = '';
    }
    if (i < lines.length && lines[i]!.indent > indent) throw new Error(`line ${lines[i]!.n}: unexpected indentation`);
    return map;
  }

  const doc = block(0);
  if (i !== lines.length) throw new Error(`line ${lines[i]!.n}: not parsed`);
  return doc;
}

const asMap = (v: Yaml | undefined, what: string): Record<string, Yaml> => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${what} is not a map`);
  return v;
};
const asList = (v: Yaml | undefined, what: string): Yaml[] => {
  if (!Array.isArray(v)) throw new Error(`${what} is not a list`);
  return v;
};

// ── Dockerfile ─────────────────────────────────────────────────────────────────────────────────

interface Instruction {
  keyword: string;
  args: string;
  stage: number;
}

function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let stage = -1;
  const joined = text.replace(/\\\n/g, ' ');
  for (const raw of joined.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!m) throw new Error(`Dockerfile: cannot read "${line}"`);
    const keyword = m[1]!.toUpperCase();
    if (keyword === 'FROM') stage += 1;
    out.push({ keyword, args: m[2]!.trim(), stage });
  }
  return out;
}

/** The words of a command in exec form (a JSON array) or shell form. */
function commandWords(args: string): string[] {
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);
}

/** `npm run X`, `npm start`, `npm test` → the package.json scripts they need. */
function npmScripts(words: readonly string[]): string[] {
  const at = words.indexOf('npm');
  if (at < 0) return [];
  const verb = words[at + 1];
  if (verb === 'run' || verb === 'run-script') return [words.slice(at + 2).find((w) => !w.startsWith('-'))!];
  if (verb === 'start' || verb === 'test') return [verb];
  return [];
}

/**
 * The npm script a container command runs: `npm run X` names it; `node --import tsx <file>` is
 * what a script execs (`exec node --import tsx <file>`), with node as the first process, so that
 * signals reach it.
 */
function scriptRun(words: readonly string[]): string[] {
  const named = npmScripts(words);
  if (named.length || words[0] !== 'node') return named;
  return Object.entries(pkg.scripts as Record<string, string>)
    .filter(([, line]) => line === `exec ${words.join(' ')}`)
    .map(([script]) => script);
}

const dockerfile = parseDockerfile(read('Dockerfile'));
const finalStage = Math.max(...dockerfile.map((d) => d.stage));
const final = dockerfile.filter((d) => d.stage === finalStage);
const compose = asMap(parseYaml(read('compose.yaml')), 'compose.yaml');
const services = asMap(compose.services, 'services');
const tierbotServices = Object.entries(services).filter(([, s]) => String(asMap(s, 'service').image ?? '').startsWith('tierbot') || 'build' in asMap(s, 'service'));
const nginxConf = read('deploy/nginx.compose.conf');
const testConf = read('deploy/nginx.test.conf');

describe('Dockerfile', () => {
  it('builds in stages and runs the production dependencies as a non-root user', () => {
    expect(dockerfile.filter((d) => d.keyword === 'FROM').length).toBeGreaterThanOrEqual(2);
    const install = dockerfile.find((d) => d.keyword === 'RUN' && /\bnpm ci\b/.test(d.args));
    expect(install?.args).toMatch(/--omit=dev/);
    const user = final.filter((d) => d.keyword === 'USER').at(-1);
    expect(user, 'a USER in the final stage').toBeDefined();
    expect(user!.args).not.toMatch(/^(root|0)(:|$)/);
    // Everything the start scripts need at run time is a production dependency: tsx, node's loader.
    for (const script of ['start', 'start:http']) {
      expect(pkg.scripts[script], script).toMatch(/^exec node --import tsx /);
      expect(pkg.dependencies, `${script} loads tsx`).toHaveProperty('tsx');
    }
  });

  it('runs only what npm scripts run, and copies only files that exist', () => {
    const named = dockerfile.filter((d) => d.keyword === 'CMD' || d.keyword === 'ENTRYPOINT' || d.keyword === 'RUN').flatMap((d) => scriptRun(commandWords(d.args)));
    expect(named).toContain('start:http');
    for (const script of named) expect(pkg.scripts, `npm script "${script}"`).toHaveProperty(script);
    const copies = dockerfile.filter((d) => d.keyword === 'COPY' && !/--from=/.test(d.args));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const words = copy.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      for (const source of words.slice(0, -1)) expect(existsSync(join(ROOT, source)), `COPY ${source}`).toBe(true);
    }
    // The sources the image runs are in the build context (.dockerignore leaves them in).
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    for (const needed of ['src', 'tools', 'package.json', 'package-lock.json']) expect(ignored).not.toContain(needed);
  });

  it('checks health on /healthz, at the port it exposes and Tierbot listens on', () => {
    const cmd = final.find((d) => d.keyword === 'CMD')!;
    expect(scriptRun(commandWords(cmd.args))).toEqual(['start:http']);
    // Through npm, which passes docker stop's SIGTERM on to the node its script execs (test/e2e/process.e2e.test.ts).
    expect(commandWords(cmd.args).slice(0, 2)).toEqual(['npm', 'run']);
    const port = /\bPORT=(\d+)/.exec(final.filter((d) => d.keyword === 'ENV').map((d) => d.args).join(' '))?.[1];
    expect(port).toBeDefined();
    expect(final.find((d) => d.keyword === 'EXPOSE')?.args.split(/\s+/)).toContain(port);
    const health = final.find((d) => d.keyword === 'HEALTHCHECK')!;
    expect(health.args).toContain('/healthz');
    expect(health.args).toMatch(new RegExp(`process\\.env\\.PORT \\|\\| ${port}\\b`));
  });

  it('the health check passes in either mode: /healthz on PORT (HTTP mode), else on METRICS_PORT (gateway mode)', async () => {
    const health = final.find((d) => d.keyword === 'HEALTHCHECK')!;
    const script = (JSON.parse(health.args.replace(/^.*?CMD\s+/s, '')) as string[]).at(-1)!;
    const serve = async () => {
      const server = createServer((req, res) => res.writeHead(req.url === '/healthz' ? 200 : 404).end());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return { server, port: String((server.address() as AddressInfo).port) };
    };
    const closedPort = async () => {
      const { server, port } = await serve();
      await new Promise((resolve) => server.close(resolve));
      return port;
    };
    const check = (env: Record<string, string>) => new Promise<number>((resolve) => execFile(process.execPath, ['-e', script], { env: { ...process.env, PORT: '', METRICS_PORT: '', ...env } }, (err) => resolve(err ? Number(err.code ?? 1) : 0)));
    const up = await serve();
    try {
      const closed = await closedPort();
      expect(await check({ PORT: up.port, METRICS_PORT: closed })).toBe(0); // HTTP mode, METRICS_PORT set in .env
      expect(await check({ PORT: closed, METRICS_PORT: up.port })).toBe(0); // gateway mode
      expect(await check({ PORT: closed, METRICS_PORT: closed })).toBe(1);
      expect(await check({ PORT: closed })).toBe(1);
    } finally {
      up.server.close();
    }
    // README's gateway example sets METRICS_PORT, so its container's health check has a port to ask.
    const gatewayRun = /`docker run [^`]*npm run --silent start`/.exec(read('README.md').replace(/\s*\n\s*/g, ' '))?.[0];
    expect(gatewayRun).toMatch(/-e METRICS_PORT=\d+/);
  });
});

describe('compose.yaml', () => {
  it('parses (the YAML subset) and has Tierbot in HTTP mode twice, nginx and Postgres', () => {
    expect(tierbotServices.map(([name]) => name).sort()).toEqual(['tierbot-1', 'tierbot-2']);
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['nginx', 'postgres']));
    for (const [name, s] of tierbotServices) {
      const service = asMap(s, name);
      const command = asList(service.command, `${name}.command`).map(String);
      expect(scriptRun(command), name).toEqual(['start:http']);
      expect(command.slice(0, 2), name).toEqual(['npm', 'run']);
      // Settings from .env; the database is the compose Postgres.
      const envFiles = asList(service.env_file, `${name}.env_file`).map((e) => (typeof e === 'string' ? e : String(asMap(e, 'env_file').path)));
      expect(envFiles).toContain('.env');
      const env = asMap(service.environment, `${name}.environment`);
      expect(String(env.DATABASE_URL)).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    }
    expect(existsSync(join(ROOT, '.env.example'))).toBe(true);
  });

  it('agrees on ports: Tierbot, compose, nginx upstream and listen, the published port', () => {
    const dockerPort = /\bPORT=(\d+)/.exec(final.filter((d) => d.keyword === 'ENV').map((d) => d.args).join(' '))![1]!;
    const upstream = [...nginxConf.matchAll(/^[ \t]*server[ \t]+([\w.-]+):(\d+)\b/gm)].map((m) => ({ host: m[1]!, port: m[2]! }));
    expect(upstream.map((u) => u.host).sort()).toEqual(tierbotServices.map(([name]) => name).sort());
    for (const [name, s] of tierbotServices) {
      const service = asMap(s, name);
      const port = String(asMap(service.environment, name).PORT);
      expect(port).toBe(dockerPort);
      expect(asList(service.expose, `${name}.expose`).map(String)).toContain(port);
      expect(upstream.find((u) => u.host === name)?.port).toBe(port);
    }
    const listen = /^[ \t]*listen[ \t]+(\d+)[ \t]*;/m.exec(nginxConf)?.[1];
    const published = asList(asMap(services.nginx, 'nginx').ports, 'nginx.ports').map(String);
    expect(published.some((p) => p.endsWith(`:${listen}`))).toBe(true);
  });

  it('mounts nginx configs that exist, with the same upstream and proxy settings the load-balancer test runs', () => {
    const volumes = asList(asMap(services.nginx, 'nginx').volumes, 'nginx.volumes').map(String);
    const mounts = volumes.map((v) => v.split(':'));
    for (const [source] of mounts) expect(existsSync(join(ROOT, source!)), source).toBe(true);
    const target = (file: string) => mounts.find(([source]) => source === `./deploy/${file}`)?.[1];
    expect(target('nginx.compose.conf')).toBe('/etc/nginx/nginx.conf');
    const proxyTarget = target('tierbot-proxy.conf');
    expect(nginxConf).toContain(`include ${proxyTarget};`);
    expect(testConf).toContain('include @@PROXY_CONF@@;');
    // Each upstream server line carries the same failure settings in both configs; compose's also
    // looks its replica up again as containers are recreated (`resolve`, with a zone and Docker's
    // resolver), which the test's older nginx lacks.
    const params = (conf: string) => [...conf.matchAll(/^[ \t]*server[ \t]+\S+[ \t]+([^;\n]*);/gm)].map((m) => m[1]);
    expect(new Set(params(testConf))).toEqual(new Set(['max_fails=1 fail_timeout=2s']));
    expect(new Set(params(nginxConf))).toEqual(new Set(['max_fails=1 fail_timeout=2s resolve']));
    expect(nginxConf).toMatch(/^[ \t]*resolver[ \t]+127\.0\.0\.11\b[^;]*;/m);
    expect(/upstream tierbot \{[^}]*^[ \t]*zone[ \t]+\S+[ \t]+\d+[km];/m.test(nginxConf)).toBe(true);
    // Never resend a POST that reached a replica (see deploy/tierbot-proxy.conf).
    const proxy = read('deploy/tierbot-proxy.conf').replace(/#.*$/gm, '');
    expect(proxy).toMatch(/^\s*proxy_next_upstream\s+error\s*;/m);
    expect(proxy).not.toMatch(/non_idempotent/);
  });

  it('gives Tierbot the Postgres password apart from DATABASE_URL, so that any password works; .env.example lists it', () => {
    const postgresPassword = String(asMap(asMap(services.postgres, 'postgres').environment, 'postgres.environment').POSTGRES_PASSWORD);
    expect(postgresPassword).toContain('${POSTGRES_PASSWORD');
    for (const [name, s] of tierbotServices) {
      const env = asMap(asMap(s, name).environment, `${name}.environment`);
      // Pasted into the URL, a password with / # ? or @ makes a DATABASE_URL that does not parse.
      expect(String(env.DATABASE_URL), name).toMatch(/^postgres:\/\/[^:@/]+@postgres:5432\//);
      expect(String(env.PGPASSWORD), name).toBe(postgresPassword);
    }
    expect(read('.env.example')).toMatch(/^POSTGRES_PASSWORD=$/m);
  });

  it('starts Tierbot once Postgres is healthy', () => {
    const pgService = asMap(services.postgres, 'postgres');
    expect(asMap(pgService.healthcheck, 'postgres.healthcheck').test).toBeDefined();
    for (const [name, s] of tierbotServices) {
      const depends = asMap(asMap(s, name).depends_on, `${name}.depends_on`);
      expect(asMap(depends.postgres, 'postgres').condition).toBe('service_healthy');
    }
  });
});

describe('the YAML subset parser', () => {
  it('reads maps, lists, flow lists, quotes and comments, and refuses what it does not know', () => {
    expect(parseYaml('a: 1\nb:\n  - x\n  - "y # not a comment"\nc: [ "p", q ] # comment\nd:\n  - k: v\n    l: w\n')).toEqual({
      a: '1',
      b: ['x', 'y # not a comment'],
      c: ['p', 'q'],
      d: [{ k: 'v', l: 'w' }],
    });
    expect(() => parseYaml('a: &anchor 1\n')).toThrow(/outside the subset/);
    expect(() => parseYaml('a: 1\na: 2\n')).toThrow(/duplicate/);
  });
});
