// No Docker engine runs where these tests run, so this suite checks the container files against each
// other and against the repo: what the Dockerfile copies exists and is not ignored, and compose wires
// the services the way the apps read their environment. The Kubernetes manifests: kustomize.spec.ts.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

const DOCKER_DIR = __dirname;
const ROOT = resolve(DOCKER_DIR, '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const readYaml = <T = any>(path: string): T => parse(read(path)) as T;

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages of logical instructions (continuations joined, comments dropped). */
function parseDockerfile(text: string): Stage[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (/^\s*#/.test(line)) continue; // comments and parser directives, also inside continuations
    if (line.trim() === '') continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    lines.push((pending + line).trim());
    pending = '';
  }
  if (pending) lines.push(pending.trim());

  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line) as RegExpExecArray;
    if (keyword.toUpperCase() === 'FROM') {
      const from = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!from) throw new Error(`unparsable FROM: ${line}`);
      stages.push({ image: from[1], name: from[2], instructions: [] });
    } else if (stages.length === 0) {
      if (keyword.toUpperCase() !== 'ARG') throw new Error(`only ARG may precede the first FROM: ${line}`);
    } else {
      stages[stages.length - 1].instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

const all = (stage: Stage, keyword: string): string[] =>
  stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const one = (stage: Stage, keyword: string): string => {
  const found = all(stage, keyword);
  if (found.length !== 1)
    throw new Error(`expected one ${keyword} in stage ${stage.name ?? stage.image}, found ${found.length}`);
  return found[0];
};

/** `5000` (ms, as libs/platform reads it), `500ms`, `5s`, `1m30s` → milliseconds. */
function durationMs(value: string | number): number {
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text);
  const units: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new Error(`not a duration: "${text}"`);
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * units[unit], 0);
}

/** Compose accepts `environment` as a map or as a list of `KEY=value`. */
function envOf(service: { environment?: Record<string, unknown> | string[] }): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

/** `${NAME:-default}` / `${NAME-default}` → { name, default }; anything else → undefined. */
function interpolation(value: string): { name: string; fallback: string } | undefined {
  const match = /^\$\{([A-Z0-9_]+)(?::?-(.*))?\}$/.exec(value);
  return match ? { name: match[1], fallback: match[2] ?? '' } : undefined;
}

/** Compose interpolation with only the defaults (no shell environment). */
const withDefaults = (value: string): string =>
  value.replace(/\$\{([A-Z0-9_]+)(?::?-([^}]*))?\}/g, (_m, _name, fallback = '') => fallback);

const healthTest = (service: { healthcheck?: { test?: string | string[] } }): string => {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : String(test ?? '');
};

/**
 * The subset of .dockerignore semantics we use: root-relative globs, `**`, `*`, `!` exceptions; a match on a parent
 * excludes the path.
 */
function dockerIgnored(patterns: string[], path: string): boolean {
  const toRegExp = (pattern: string): RegExp => {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (pattern.startsWith('**/', i)) {
        source += '(?:.*/)?';
        i += 2;
      } else if (pattern.startsWith('**', i)) {
        source += '.*';
        i += 1;
      } else if (c === '*') source += '[^/]*';
      else if (c === '?') source += '[^/]';
      else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
  };
  const parts = path.split('/');
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = (negated ? raw.slice(1) : raw).replace(/^\/+|\/+$/g, '');
    if (candidates.some((c) => toRegExp(pattern).test(c))) ignored = !negated;
  }
  return ignored;
}

function walk(dir: string, skip: Set<string>): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    if (skip.has(entry)) return [];
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? walk(full, skip) : [full];
  });
}

/** Runs `node -e script` with `env` and resolves its exit code. */
function runNode(script: string, env: Record<string, string>): Promise<number | null> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-e', script], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done(code);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// the files
// ---------------------------------------------------------------------------------------------

const dockerfileText = read('docker/Dockerfile');
const stages = parseDockerfile(dockerfileText);
const stage = (name: string): Stage => {
  const found = stages.find((s) => s.name === name);
  if (!found) throw new Error(`no stage named ${name}`);
  return found;
};
const runtime = stages[stages.length - 1];

const compose = readYaml('docker/compose.yaml');
const services: Record<string, any> = compose.services ?? {};

// ---------------------------------------------------------------------------------------------

describe('docker/Dockerfile', () => {
  it('builds every stage on node:22-slim: build, prod-deps, then the runtime', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    for (const s of stages) expect(s.image).toBe('node:22-slim');
    expect(dockerfileText).toMatch(/^FROM node:22-slim AS build$/m);
    expect(stages.map((s) => s.name)).toEqual(expect.arrayContaining(['build', 'prod-deps']));
    expect(runtime.name).not.toBe('build');
    expect(runtime.name).not.toBe('prod-deps');
  });

  it('build: npm ci from the lockfile, the sources the build reads, then tools/build/build.js', () => {
    const build = stage('build');
    const keywords = build.instructions.map((i) => `${i.keyword} ${i.args}`);
    const lockCopy = keywords.findIndex((k) => /^COPY .*\bpackage\.json\b.*\bpackage-lock\.json\b/.test(k));
    const ci = keywords.findIndex((k) => /^RUN .*\bnpm ci\b/.test(k));
    const compile = keywords.findIndex((k) => /^RUN .*(node tools\/build\/build\.js|npm run build)/.test(k));
    expect(lockCopy).toBeGreaterThanOrEqual(0);
    expect(ci).toBeGreaterThan(lockCopy);
    expect(keywords[ci]).not.toMatch(/--omit=dev/); // the build needs typescript and tsc-alias
    expect(compile).toBeGreaterThan(ci);

    const copied = all(build, 'COPY').join(' ');
    for (const source of ['tsconfig*.json', 'apps/', 'libs/', 'tools/']) expect(copied).toContain(source);
    for (const path of [
      'package.json',
      'package-lock.json',
      'tsconfig.base.json',
      'tsconfig.build.json',
      'tools/build/build.js',
    ]) {
      expect(existsSync(join(ROOT, path))).toBe(true);
    }
    // The build is the same for every APP, so its cache is shared: APP must not reach this stage.
    expect(all(build, 'ARG').some((a) => /^APP\b/.test(a))).toBe(false);
  });

  it('prod-deps: npm ci --omit=dev --ignore-scripts', () => {
    const ci = all(stage('prod-deps'), 'RUN').find((r) => /\bnpm ci\b/.test(r));
    expect(ci).toMatch(/--omit=dev/);
    expect(ci).toMatch(/--ignore-scripts/);
  });

  it('runtime: ARG APP persisted as ENV, production mode, /app', () => {
    expect(all(runtime, 'ARG').some((a) => /^APP(\s|=|$)/.test(a))).toBe(true);
    const env = all(runtime, 'ENV').join(' ');
    expect(env).toMatch(/\bAPP=\$\{?APP\}?/);
    expect(env).toMatch(/\bNODE_ENV=production\b/);
    expect(one(runtime, 'WORKDIR')).toBe('/app');
  });

  it('runtime: copies production node_modules and the compiled code, migrations included', () => {
    const copies = all(runtime, 'COPY');
    const buildDir = one(stage('build'), 'WORKDIR');
    expect(copies).toContainEqual(expect.stringMatching(/^--from=prod-deps \S*\/node_modules \.\/node_modules$/));
    expect(copies).toContainEqual(`--from=build ${buildDir}/dist/libs ./dist/libs`);
    expect(copies).toContainEqual(`--from=build ${buildDir}/dist/apps/\${APP} ./dist/apps/\${APP}`);
    // The image ships no sources, so the migrations must travel inside dist/apps/<app>: the build
    // copies them there and download resolves them from its compiled file. If either changes, the
    // runtime stage has to copy apps/${APP}/migrations itself.
    expect(existsSync(join(ROOT, 'apps/download/migrations/meta/_journal.json'))).toBe(true);
    expect(read('tools/build/build.js')).toMatch(
      /cpSync\(migrations, path\.join\(root, 'dist', projectRoot, 'migrations'\)/,
    );
    expect(read('tools/build/build.js')).toMatch(/copyMigrations\(path\.join\('apps', app\)\)/);
    expect(read('apps/download/src/app/app.config.ts')).toContain("join(__dirname, '..', '..', 'migrations')");
  });

  it('runtime: the CMD path is where tsconfig.build.json puts an app entry', () => {
    const tsconfig = JSON.parse(read('tsconfig.build.json'));
    expect(tsconfig.compilerOptions.outDir.replace(/^\.\//, '')).toBe('dist');
    expect(tsconfig.compilerOptions.rootDir).toBe('.');
    const cmd = JSON.parse(one(runtime, 'CMD')) as string[];
    expect(cmd.slice(0, 2)).toEqual(['sh', '-c']);
    // exec: node becomes PID 1 and gets SIGTERM, instead of a shell that would not forward it.
    expect(cmd[2]).toBe('exec node dist/apps/${APP}/src/main.js');
    expect(one(runtime, 'STOPSIGNAL')).toBe('SIGTERM');
  });

  it('runtime: runs as a non-root user (numeric, for runAsNonRoot) that owns /app/data', () => {
    const users = all(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    const [user] = users[users.length - 1].split(':');
    expect(['root', '0']).not.toContain(user);
    expect(user).toMatch(/^\d+$/);
    // Nothing after USER may switch back.
    const lastUser = runtime.instructions.map((i) => i.keyword).lastIndexOf('USER');
    expect(runtime.instructions.slice(lastUser + 1).map((i) => i.keyword)).not.toContain('RUN');
    expect(all(runtime, 'RUN').join(' ')).toMatch(/mkdir -p \/app\/data && chown (node:node|1000:1000) \/app\/data/);
  });

  describe('HEALTHCHECK', () => {
    const healthchecks = all(runtime, 'HEALTHCHECK');
    const healthcheck = healthchecks[0] ?? '';
    const shellForm = /\bCMD node -e "([^"]*)"$/.exec(healthcheck);
    const script = shellForm?.[1] ?? '';
    let server: Server;
    let port: number;

    beforeAll(async () => {
      server = createServer((req, res) => {
        res.statusCode = req.url === '/api/health/live' || req.url === '/health' ? 200 : 503;
        res.end();
      });
      await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

    it('is a node fetch (slim images lack curl) of PORT (default 3001)+HEALTH_PATH (default /api/health/live)', () => {
      expect(healthchecks).toHaveLength(1);
      expect(healthcheck).toMatch(/--interval=\S+/);
      expect(script).toContain(
        "fetch('http://127.0.0.1:'+(process.env.PORT||3001)+(process.env.HEALTH_PATH||'/api/health/live'))",
      );
      // sh would expand these inside "…"; with none of them the script reaches node verbatim.
      expect(script).not.toMatch(/[$`\\!]/);
    });

    it('exits 0 on a 2xx from the default path, and honours HEALTH_PATH (the sandbox)', async () => {
      await expect(runNode(script, { PORT: String(port) })).resolves.toBe(0);
      await expect(runNode(script, { PORT: String(port), HEALTH_PATH: '/health' })).resolves.toBe(0);
    });

    it('exits 1 on a non-2xx and when nothing listens', async () => {
      await expect(runNode(script, { PORT: String(port), HEALTH_PATH: '/api/health/ready' })).resolves.toBe(1);
      const closed = createServer();
      await new Promise<void>((ready) => closed.listen(0, '127.0.0.1', ready));
      const unused = (closed.address() as AddressInfo).port;
      await new Promise<void>((done) => closed.close(() => done()));
      await expect(runNode(script, { PORT: String(unused) })).resolves.toBe(1);
    });
  });
});

describe('.dockerignore', () => {
  const patterns = read('.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('keeps host installs, build output, local state and history out of the context', () => {
    const names = patterns.map((p) => p.replace(/^\*\*\//, '').replace(/\/$/, ''));
    for (const name of ['node_modules', 'dist', 'tmp', 'data', '.git', 'coverage', 'bench/results', '*.log'])
      expect(names).toContain(name);
    for (const path of [
      'node_modules/x/index.js',
      'dist/apps/download/src/main.js',
      'tmp/a',
      'data/download/PG_VERSION',
      '.git/HEAD',
      'coverage/lcov.info',
      'bench/results/run.json',
      'npm-debug.log',
      'libs/platform/node_modules/x.js',
      '.env',
    ]) {
      expect([path, dockerIgnored(patterns, path)]).toEqual([path, true]);
    }
  });

  it('keeps everything the build stage copies', () => {
    const skip = new Set(['node_modules', 'dist', 'tmp', 'data', 'coverage']);
    const sources = ['apps', 'libs', 'tools']
      .flatMap((dir) => walk(join(ROOT, dir), skip))
      .map((f) => relative(ROOT, f).split('\\').join('/'));
    expect(sources).toContain('apps/download/migrations/meta/_journal.json');
    const roots = [
      'package.json',
      'package-lock.json',
      ...readdirSync(ROOT).filter((f) => /^tsconfig.*\.json$/.test(f)),
    ];
    const dropped = [...roots, ...sources].filter((path) => dockerIgnored(patterns, path));
    expect(dropped).toEqual([]);
  });
});

describe('docker/compose.yaml', () => {
  it('is a Compose-spec file (no version key) with postgres, redis, sandbox and download', () => {
    expect(compose).toBeTruthy();
    expect(compose).not.toHaveProperty('version');
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'sandbox', 'download']));
  });

  it('gives every service an enabled healthcheck with a test', () => {
    for (const [name, service] of Object.entries(services)) {
      const test = service.healthcheck?.test;
      expect([name, Array.isArray(test) ? test.length > 1 : typeof test === 'string' && test.length > 0]).toEqual([
        name,
        true,
      ]);
      expect([name, service.healthcheck.disable === true, Array.isArray(test) && test[0] === 'NONE']).toEqual([
        name,
        false,
        false,
      ]);
    }
  });

  it('probes postgres with pg_isready over TCP and redis with redis-cli ping', () => {
    expect(healthTest(services.postgres)).toMatch(/pg_isready .*-h 127\.0\.0\.1/);
    expect(healthTest(services.postgres)).toContain(`-d ${envOf(services.postgres).POSTGRES_DB}`);
    expect(services.postgres.image).toBe('postgres:16-alpine');
    expect(healthTest(services.redis)).toContain('redis-cli ping');
    expect(services.redis.image).toBe('redis:7-alpine');
  });

  it.each(['download', 'sandbox', 'chat-summarizer', 'project', 'media-acquisition'])(
    'builds %s from docker/Dockerfile with an APP arg naming an app',
    (name) => {
      const build = services[name].build;
      expect(resolve(DOCKER_DIR, build.context)).toBe(ROOT);
      expect(build.dockerfile).toBe('docker/Dockerfile');
      expect(existsSync(join(resolve(DOCKER_DIR, build.context), build.dockerfile))).toBe(true);
      const app = build.args?.APP;
      expect(app).toBe(name);
      expect(existsSync(join(ROOT, 'apps', app, 'src', 'main.ts'))).toBe(true);
    },
  );

  it('runs the sandbox reachable from other containers, with a healthcheck on its /health', () => {
    const env = envOf(services.sandbox);
    expect(env.SANDBOX_HOST).toBe('0.0.0.0');
    // For the image's own HEALTHCHECK (the sandbox has no /api/health/live).
    expect(env.PORT).toBe('3101');
    expect(env.HEALTH_PATH).toBe('/health');
    expect(services.sandbox.ports).toContain('3101:3101');
    expect(healthTest(services.sandbox)).toContain('http://127.0.0.1:3101/health');
  });

  it('gives download its port, database, redis, library and secrets', () => {
    const env = envOf(services.download);
    for (const key of [
      'PORT',
      'DATABASE_URL',
      'REDIS_URL',
      'LIBRARY_SERVICE_URL',
      'JWT_SECRET',
      'DOWNLOAD_URL_SECRET',
      'LOG_LEVEL',
      'SHUTDOWN_DELAY',
    ]) {
      expect([key, (env[key] ?? '').length > 0]).toEqual([key, true]);
    }
    expect(services.download.ports).toContain(`${env.PORT}:${env.PORT}`);
    expect(healthTest(services.download)).toContain(`http://127.0.0.1:${env.PORT}/api/health/live`);

    const db = new URL(withDefaults(env.DATABASE_URL));
    const pg = envOf(services.postgres);
    expect(db.protocol).toBe('postgres:');
    expect(db.hostname).toBe('postgres');
    expect(db.username).toBe(pg.POSTGRES_USER);
    expect(db.password).toBe(withDefaults(pg.POSTGRES_PASSWORD));
    expect(db.pathname).toBe(`/${pg.POSTGRES_DB}`);

    expect(new URL(env.REDIS_URL).hostname).toBe('redis');
    const library = new URL(env.LIBRARY_SERVICE_URL);
    expect(library.hostname).toBe('sandbox');
    expect(library.port).toBe(envOf(services.sandbox).SANDBOX_LIBRARY_PORT ?? '3101');
  });

  it('takes download secrets from the environment, with defaults the app accepts in production', () => {
    const env = envOf(services.download);
    const jwt = interpolation(env.JWT_SECRET);
    const signing = interpolation(env.DOWNLOAD_URL_SECRET);
    expect(jwt?.name).toBe('JWT_SECRET');
    expect(signing?.name).toBe('DOWNLOAD_URL_SECRET');
    // libs/platform refuses an HS256 secret shorter than 32 bytes.
    expect(Buffer.byteLength(jwt?.fallback ?? '')).toBeGreaterThanOrEqual(32);
    expect(signing?.fallback).toMatch(/^change-me/);
    expect(jwt?.fallback).toMatch(/^change-me/);
  });

  it('starts download after postgres, redis and sandbox are healthy; every depends_on waits for health', () => {
    expect(Object.keys(services.download.depends_on ?? {}).sort()).toEqual(['postgres', 'redis', 'sandbox']);
    for (const [name, service] of Object.entries(services)) {
      const deps = service.depends_on ?? {};
      expect([name, Array.isArray(deps)]).toEqual([name, false]); // the list form cannot wait for health
      for (const [dep, spec] of Object.entries(deps as Record<string, { condition?: string }>)) {
        expect(Object.keys(services)).toContain(dep);
        expect([name, dep, spec.condition]).toEqual([name, dep, 'service_healthy']);
      }
    }
  });

  it('gives chat-summarizer its port, chat-svc, the LLM and the secret chat-svc verifies tokens with', () => {
    const env = envOf(services['chat-summarizer']);
    for (const key of ['PORT', 'CHAT_SERVICE_URL', 'LLM_SERVICE_URL', 'LLM_API_KEY', 'JWT_SECRET'])
      expect([key, (env[key] ?? '').length > 0]).toEqual([key, true]);
    expect(new URL(env.CHAT_SERVICE_URL).host).toBe('sandbox:3102');
    expect(new URL(withDefaults(env.LLM_SERVICE_URL)).host).toBe('sandbox:3107');
    expect(interpolation(env.JWT_SECRET)?.fallback).toBe(interpolation(envOf(services.download).JWT_SECRET)?.fallback);
    expect(services.sandbox.ports).toEqual(expect.arrayContaining(['3102:3102', '3107:3107']));
  });

  it('gives project a database of its own, created by the postgres init script, and user + knowledge', () => {
    const env = envOf(services.project);
    for (const key of ['PORT', 'DATABASE_URL', 'USER_SERVICE_URL', 'KNOWLEDGE_SERVICE_URL', 'JWT_SECRET'])
      expect([key, (env[key] ?? '').length > 0]).toEqual([key, true]);
    const db = new URL(withDefaults(env.DATABASE_URL));
    expect(db.hostname).toBe('postgres');
    expect(db.pathname).not.toBe(`/${envOf(services.postgres).POSTGRES_DB}`);
    const init = (services.postgres.volumes as string[]).find((v) => v.includes('docker-entrypoint-initdb.d'));
    expect(init).toBeDefined();
    const script = readFileSync(resolve(DOCKER_DIR, (init as string).split(':')[0]), 'utf8');
    expect(script).toContain(`CREATE DATABASE ${db.pathname.slice(1)};`);
    expect(new URL(env.USER_SERVICE_URL).host).toBe('sandbox:3103');
    expect(new URL(env.KNOWLEDGE_SERVICE_URL).host).toBe('sandbox:3104');
  });

  it('gives media-acquisition its database, Prowlarr, qBittorrent, a library on the qBittorrent volume', () => {
    const env = envOf(services['media-acquisition']);
    for (const key of [
      'PORT',
      'DATABASE_URL',
      'PROWLARR_SERVICE_URL',
      'QBITTORRENT_SERVICE_URL',
      'PROWLARR_API_KEY',
      'QBITTORRENT_PASSWORD',
      'MEDIA_LIBRARY_ROOT',
      'JWT_SECRET',
    ])
      expect([key, (env[key] ?? '').length > 0]).toEqual([key, true]);
    const db = new URL(withDefaults(env.DATABASE_URL));
    const init = (services.postgres.volumes as string[]).find((v) =>
      v.includes('docker-entrypoint-initdb.d'),
    ) as string;
    expect(readFileSync(resolve(DOCKER_DIR, init.split(':')[0]), 'utf8')).toContain(
      `CREATE DATABASE ${db.pathname.slice(1)};`,
    );
    expect(new URL(env.PROWLARR_SERVICE_URL).host).toBe('sandbox:3105');
    expect(new URL(env.QBITTORRENT_SERVICE_URL).host).toBe('sandbox:3106');
    expect(services.sandbox.ports).toEqual(expect.arrayContaining(['3105:3105', '3106:3106']));
    // One volume for downloads and library: hardlinks need one filesystem.
    const mount = (service: { volumes?: string[] }) => (service.volumes ?? []).find((v) => v.startsWith('media:'));
    expect(mount(services['media-acquisition'])).toBe('media:/media');
    expect(mount(services.sandbox)).toBe('media:/media');
    expect(env.MEDIA_LIBRARY_ROOT.startsWith('/media/')).toBe(true);
    expect(envOf(services.sandbox).SANDBOX_QBITTORRENT_DOWNLOAD_ROOT.startsWith('/media/')).toBe(true);
    expect(read('docker/Dockerfile')).toContain(`mkdir -p /media/downloads ${env.MEDIA_LIBRARY_ROOT}`);
  });

  it.each(['download', 'chat-summarizer', 'project', 'media-acquisition'])(
    'gives %s REDIS_URL (shared rate limits and circuits) and starts it after redis is healthy',
    (name) => {
      expect(new URL(envOf(services[name]).REDIS_URL ?? 'missing:').host).toBe('redis:6379');
      expect(services[name].depends_on?.redis?.condition).toBe('service_healthy');
    },
  );

  it('gives download longer to stop than SHUTDOWN_DELAY', () => {
    const delay = durationMs(envOf(services.download).SHUTDOWN_DELAY);
    expect(delay).toBeGreaterThan(0);
    expect(durationMs(services.download.stop_grace_period)).toBeGreaterThan(delay);
  });
});
