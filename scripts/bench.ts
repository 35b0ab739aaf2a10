// npm run bench [-- --scales 0.1,1 --requests 200 --warmup 30 --seconds 10 --connections 16 --only a,b --regenerate --build]
// With DATABASE_URL=postgres://… it runs on that database instead, regenerating it for each scale (its contents go).
//
// Generates (or reuses) the national data set per scale, starts the production server on it
// (`node scripts/serve.js`, NODE_ENV=production, HORIZON_TODAY fixed), signs in, and measures per
// page the latency at one connection (sequential requests after a warm-up), the throughput at 16
// connections and the server's resident memory. Prints a table and writes bench/out/bench-*.json.
// Not part of CI: timings belong here, never in tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_SEED, BENCH_TODAY, benchDatabaseFile, GENERATOR_VERSION, summaryFileOf } from '../seeds/bench/config';
import { bundleReport, formatBundleReport, type BundleReport } from './lib/bundle-weight';

const { values: args } = parseArgs({
  options: {
    scales: { type: 'string', default: '0.1,1' },
    requests: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    only: { type: 'string' },
    regenerate: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
  },
});
const SCALES = args.scales!.split(',').map(Number);
const REQUESTS = Number(args.requests);
const WARMUP = Number(args.warmup);
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

// The targets of issue 10.
const TARGETS = {
  institutionP95Ms: 50,
  institutionTimesFloor: 10,
  institutionGrowth: 1.5,
  oversightP95Ms: 150,
  oversightGrowth: 3,
  rssMb: 350,
};

type Summary = {
  generatorVersion: number; scale: number; seed: string; today: string; largestInstitutionId: number; counts: Record<string, number>;
  users: { supervisor: { email: string; password: string }; secretary: { email: string; password: string } }; feedToken: string;
};
type Page = { key: string; label: string; kind: 'floor' | 'institution' | 'oversight'; as: 'secretary' | 'supervisor' | 'none'; url: string };
type PageResult = {
  key: string; label: string; url: string; status: number; bytes: number; p50: number; p95: number; mean: number; rps: number; loadedP95: number;
  /** The first request after the server started: for the calendar feed, the one that builds it (the rest poll an unchanged feed). */
  firstMs: number;
  /** The server process's CPU time per sequential request (all its threads): robust to a busy machine. */
  cpuMs: number;
  /** The server's highest resident memory while this page was measured. */
  rssPeakMb: number;
};
type ScaleResult = {
  scale: number; counts: Record<string, number>; pages: PageResult[]; rssPeakMb: number; rssEndMb: number;
};

function pagesOf(summary: Summary, available: Set<string>): Page[] {
  const i = summary.largestInstitutionId;
  const year = Number(summary.today.slice(0, 4)) - 1;
  const pages: Page[] = [
    { key: 'floor', label: 'floor: /account', kind: 'floor', as: 'secretary', url: '/account' },
    { key: 'dashboard', label: 'institution dashboard', kind: 'institution', as: 'secretary', url: `/i/${i}` },
    {
      key: 'stakeholders', label: 'stakeholders, filtered + sorted', kind: 'institution', as: 'secretary',
      url: `/i/${i}/stakeholders?status=active&tier=b&sort=assessedOn&dir=desc`,
    },
    { key: 'calendar', label: 'calendar month', kind: 'institution', as: 'secretary', url: `/i/${i}/calendar?view=month` },
    { key: 'compliance', label: 'compliance overview', kind: 'institution', as: 'secretary', url: `/i/${i}/compliance?year=${year}` },
    { key: 'oversight', label: 'oversight dashboard (200)', kind: 'oversight', as: 'supervisor', url: '/oversight' },
    { key: 'ics', label: 'ICS feed', kind: 'institution', as: 'none', url: `/ics/${summary.feedToken}.ics` },
  ];
  return pages.filter((p) => available.has(p.key) && (!args.only || p.key === 'floor' || args.only.split(',').includes(p.key)));
}

// ---------------------------------------------------------------------------------------------
// HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function request(port: number, url: string, options: { method?: string; cookie?: string; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number; ms: number; body: string }>((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(
      {
        host: '127.0.0.1', port, path: url, method: options.method ?? 'GET', agent,
        headers: {
          // As a browser asks: the compression the server does for real clients is part of its cost.
          'Accept-Encoding': 'gzip', Accept: 'text/html,*/*',
          ...(options.cookie ? { Cookie: options.cookie } : {}),
          ...(options.body ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(options.body) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0, headers: res.headers, bytes: body.length, body: body.toString('utf8'),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

async function signIn(port: number, email: string, password: string): Promise<string> {
  const body = new URLSearchParams({ email, password, redirectTo: '/' }).toString();
  const res = await request(port, '/login', { method: 'POST', body });
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  if (res.status !== 302 || !cookies) throw new Error(`signing in as ${email} failed (${res.status})`);
  return cookies;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

/** CPU time the process has used, in ms (utime + stime of /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuTimeMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function measure(port: number, pid: number, page: Page, cookie: string | undefined): Promise<Omit<PageResult, 'rssPeakMb' | 'firstMs'>> {
  const first = await request(port, page.url, { cookie });
  if (first.status !== 200) throw new Error(`${page.url} answered ${first.status}: ${first.body.slice(0, 300)}`);
  for (let i = 0; i < WARMUP; i++) await request(port, page.url, { cookie });
  const times: number[] = [];
  const cpuBefore = cpuTimeMs(pid);
  for (let i = 0; i < REQUESTS; i++) times.push((await request(port, page.url, { cookie })).ms);
  const cpuMs = round((cpuTimeMs(pid) - cpuBefore) / REQUESTS);
  times.sort((a, b) => a - b);

  // Throughput: CONNECTIONS clients in a loop for SECONDS, each waiting for its answer.
  let done = 0;
  let failed = 0;
  const loaded: number[] = [];
  const until = Date.now() + SECONDS * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (Date.now() < until) {
      const res = await request(port, page.url, { cookie });
      if (res.status === 200) done++;
      else failed++;
      loaded.push(res.ms);
    }
  }));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  if (failed) throw new Error(`${page.url}: ${failed} requests failed under load`);
  loaded.sort((a, b) => a - b);
  return {
    key: page.key, label: page.label, url: page.url, status: first.status, bytes: first.bytes,
    p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), mean: round(times.reduce((s, t) => s + t, 0) / times.length),
    rps: Math.round((done / elapsed) * 10) / 10, loadedP95: round(percentile(loaded, 95)), cpuMs,
  };
}

// ---------------------------------------------------------------------------------------------
// The server under test

const freePort = () => new Promise<number>((resolve, reject) => {
  const server = net.createServer();
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as net.AddressInfo;
    server.close(() => resolve(port));
  });
  server.on('error', reject);
});

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** `npm start`'s node options (the heap limit), so the server runs here as it does in production. */
function startArgs(): string[] {
  const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = start.split(/\s+/);
  if (words[0] !== 'node') throw new Error(`npm start is not "node …": ${start}`);
  return words.slice(1);
}

async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, startArgs(), {
    env: {
      ...process.env, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: databaseUrl, HORIZON_TODAY: BENCH_TODAY,
      SESSION_SECRET: 'horizon-bench-session-secret-not-for-production', APP_URL: `http://localhost:${port}`, SMTP_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (d: Buffer) => (output += d));
  server.stderr!.on('data', (d: Buffer) => (output += d));
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`the server stopped: ${output}`);
    try {
      if ((await request(port, '/healthz')).status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill('SIGTERM');
  throw new Error(`the server did not answer /healthz within 30 s: ${output}`);
}

const stopServer = (server: ChildProcess) => new Promise<void>((resolve) => {
  if (server.exitCode !== null) return resolve();
  server.once('exit', () => resolve());
  server.kill('SIGTERM');
});

function run(command: string, commandArgs: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed`);
}

/** The data set of one scale: reused when its summary matches, otherwise generated; always migrated. */
function prepareData(scale: number): { databaseUrl: string; summary: Summary } {
  if (postgres) {
    // One database for both scales: emptied and generated again for each.
    run('npx', ['tsx', 'scripts/bench-generate.ts', '--scale', String(scale), '--reset']);
    return { databaseUrl: process.env.DATABASE_URL!, summary: JSON.parse(readFileSync(`tmp/bench/postgres-scale-${scale}.json`, 'utf8')) };
  }
  const file = path.resolve(benchDatabaseFile(scale));
  const summaryFile = summaryFileOf(file);
  const fresh = (() => {
    if (args.regenerate || !existsSync(file) || !existsSync(summaryFile)) return false;
    const s = JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary;
    return s.generatorVersion === GENERATOR_VERSION && s.scale === scale && s.seed === BENCH_SEED && s.today === BENCH_TODAY;
  })();
  if (!fresh) run('npx', ['tsx', 'scripts/bench-generate.ts', '--scale', String(scale)]);
  const databaseUrl = `sqlite:${file}`;
  // Migrations added since the data was generated (new indexes) apply to it as to any database.
  run('npx', ['tsx', 'scripts/db-migrate.ts'], { DATABASE_URL: databaseUrl });
  return { databaseUrl, summary: JSON.parse(readFileSync(summaryFile, 'utf8')) };
}

let pagePeak = 0;

async function benchScale(scale: number): Promise<ScaleResult> {
  const { databaseUrl, summary } = prepareData(scale);
  const port = await freePort();
  const server = await startServer(databaseUrl, port);
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      const { rss } = rssMb(server.pid!);
      peak = Math.max(peak, rss);
      pagePeak = Math.max(pagePeak, rss);
    } catch {
      // the server is gone; the run fails below
    }
  }, 100);
  try {
    const cookies = {
      secretary: await signIn(port, summary.users.secretary.email, summary.users.secretary.password),
      supervisor: await signIn(port, summary.users.supervisor.email, summary.users.supervisor.password),
      none: undefined,
    };
    // Pages that have not landed yet (404) are left out rather than measured as errors.
    const available = new Set<string>();
    // This is each page's first request since the server started (for the calendar feed: its build).
    const firstMs = new Map<string, number>();
    for (const page of pagesOf(summary, new Set(['floor', 'dashboard', 'stakeholders', 'calendar', 'compliance', 'oversight', 'ics']))) {
      const res = await request(port, page.url, { cookie: cookies[page.as] });
      firstMs.set(page.key, round(res.ms));
      if (res.status === 200) available.add(page.key);
      else console.log(`  (${page.key}: ${page.url} answered ${res.status}; left out)`);
    }
    const results: PageResult[] = [];
    for (const page of pagesOf(summary, available)) {
      process.stdout.write(`  scale ${scale}: ${page.label}…`);
      pagePeak = 0;
      const result = { ...(await measure(port, server.pid!, page, cookies[page.as])), firstMs: firstMs.get(page.key)!, rssPeakMb: pagePeak };
      console.log(` p50 ${result.p50} ms, p95 ${result.p95} ms, ${result.cpuMs} ms CPU, ${result.rps} req/s, RSS ≤ ${result.rssPeakMb} MB`);
      results.push(result);
    }
    const end = rssMb(server.pid!);
    return { scale, counts: summary.counts, pages: results, rssPeakMb: Math.max(peak, end.peak), rssEndMb: end.rss };
  } finally {
    clearInterval(sampler);
    await stopServer(server);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

type Verdict = { page: string; checks: string[]; ok: boolean };

function verdicts(results: ScaleResult[]): Verdict[] {
  const full = results.find((r) => r.scale === 1) ?? results[results.length - 1]!;
  const tenth = results.find((r) => r.scale !== full.scale);
  const floor = full.pages.find((p) => p.key === 'floor')!;
  return full.pages.filter((p) => p.key !== 'floor').map((p) => {
    const checks: string[] = [];
    let ok = true;
    const check = (label: string, pass: boolean) => {
      checks.push(`${label} ${pass ? 'ok' : 'MISSED'}`);
      ok &&= pass;
    };
    const small = tenth?.pages.find((q) => q.key === p.key);
    const growth = small ? p.p95 / small.p95 : null;
    // CPU per request grows the same way but shrugs off the other processes of a shared machine.
    const cpuGrowth = small && small.cpuMs > 0 ? ` (CPU ×${(p.cpuMs / small.cpuMs).toFixed(2)})` : '';
    if (p.key === 'oversight') {
      check(`p95 ${p.p95} ≤ ${TARGETS.oversightP95Ms} ms`, p.p95 <= TARGETS.oversightP95Ms);
      if (growth !== null) check(`growth ×${growth.toFixed(2)}${cpuGrowth} ≤ ${TARGETS.oversightGrowth}`, growth <= TARGETS.oversightGrowth);
    } else {
      check(`p95 ${p.p95} ≤ ${TARGETS.institutionP95Ms} ms`, p.p95 <= TARGETS.institutionP95Ms);
      const times = p.p95 / floor.p95;
      check(`×floor ${times.toFixed(1)} ≤ ${TARGETS.institutionTimesFloor}`, times <= TARGETS.institutionTimesFloor);
      if (growth !== null) check(`growth ×${growth.toFixed(2)}${cpuGrowth} ≤ ${TARGETS.institutionGrowth}`, growth <= TARGETS.institutionGrowth);
    }
    return { page: p.label, checks, ok };
  });
}

function table(results: ScaleResult[]): string {
  const lines: string[] = [];
  const header = `${'page'.padEnd(34)} ${'scale'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'×floor'.padStart(7)} ${'CPU ms'.padStart(7)} ` +
    `${`req/s@${CONNECTIONS}`.padStart(9)} ${'KB gzip'.padStart(8)} ${'first ms'.padStart(9)}`;
  lines.push(header, '-'.repeat(header.length));
  const keys = [...new Set(results.flatMap((r) => r.pages.map((p) => p.key)))];
  for (const key of keys) {
    for (const r of results) {
      const p = r.pages.find((q) => q.key === key);
      if (!p) continue;
      const floor = r.pages.find((q) => q.key === 'floor')!;
      lines.push(
        `${p.label.padEnd(34)} ${String(r.scale).padStart(5)} ${p.p50.toFixed(1).padStart(8)} ${p.p95.toFixed(1).padStart(8)} ` +
        `${(p.p95 / floor.p95).toFixed(1).padStart(7)} ${p.cpuMs.toFixed(1).padStart(7)} ${p.rps.toFixed(1).padStart(9)} ${(p.bytes / 1024).toFixed(0).padStart(8)} ` +
        `${p.firstMs.toFixed(0).padStart(9)}`,
      );
    }
  }
  for (const r of results) lines.push(`server RSS at scale ${r.scale}: peak ${r.rssPeakMb} MB (target ≤ ${TARGETS.rssMb}), at the end ${r.rssEndMb} MB`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

if (args.build || !existsSync('build/index.js')) run('npm', ['run', 'build']);
const results: ScaleResult[] = [];
for (const scale of SCALES) results.push(await benchScale(scale));
agent.destroy();

console.log(`\nHorizon benchmark — ${new Date().toISOString()} — ${postgres ? 'PostgreSQL' : 'SQLite'}, HORIZON_TODAY=${BENCH_TODAY}; ` +
  `p50/p95 over ${REQUESTS} sequential requests after ${WARMUP} warm-up; throughput with ${CONNECTIONS} connections for ${SECONDS} s\n`);
for (const r of results) {
  const c = r.counts;
  console.log(`scale ${r.scale}: ${c.institutions} institutions, ${c.parties} parties, ${c.stakeholders} stakeholders, ${c.obligations} obligations, ` +
    `${c.reporting_moments} reporting moments, ${c.compliance_statements} statements`);
}
console.log(`\n${table(results)}\n`);
const checked = verdicts(results);
for (const v of checked) console.log(`${v.ok ? 'ok    ' : 'MISSED'} ${v.page}: ${v.checks.join('; ')}`);
const rssOk = results.every((r) => r.rssPeakMb <= TARGETS.rssMb);
console.log(`${rssOk ? 'ok    ' : 'MISSED'} resident memory ≤ ${TARGETS.rssMb} MB`);

let bundle: BundleReport | null = null;
try {
  bundle = bundleReport();
  console.log(`\n${formatBundleReport({ ...bundle, routes: bundle.routes.slice(0, 12) })}\n(the full list: npm run bench:bundle)`);
} catch (error) {
  console.log(`\nbundle weight: ${(error as Error).message}`);
}

mkdirSync('bench/out', { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const report = {
  at: new Date().toISOString(), database: postgres ? 'postgres' : 'sqlite', today: BENCH_TODAY, seed: BENCH_SEED,
  method: { requests: REQUESTS, warmup: WARMUP, seconds: SECONDS, connections: CONNECTIONS },
  targets: TARGETS, results, verdicts: checked, rssOk, bundle,
};
writeFileSync(`bench/out/bench-${stamp}.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync('bench/out/latest.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWritten: bench/out/bench-${stamp}.json (and bench/out/latest.json)`);
