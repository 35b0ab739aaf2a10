import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * The journeys' world: a fresh SQLite file, migrated and seeded with the demo exactly as
 * `npm run db:seed` does it, on a fixed "today" so the demo's relative dates always land the same;
 * then the production build served by `scripts/serve.js` on a free port.
 */
export const E2E_TODAY = '2026-03-16';
const RESULTS_DIR = path.resolve('tmp', 'test-results');

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    today: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer ${url} within 30 s:\n${output()}`);
}

export default async function setup(project: TestProject) {
  if (!existsSync('build/index.js')) throw new Error('No build: run `npm run build` before the browser journeys.');
  const dir = mkdtempSync(path.join(tmpdir(), 'horizon-e2e-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `sqlite:${path.join(dir, 'horizon.sqlite')}`,
    HORIZON_TODAY: E2E_TODAY,
    SESSION_SECRET: 'e2e-session-secret-not-for-production',
    NODE_ENV: 'production',
    PORT: String(port),
    APP_URL: baseURL,
    // Mail goes to the outbox, whatever a local .env says.
    SMTP_URL: '',
  };

  const seed = spawnSync(path.resolve('node_modules', '.bin', 'tsx'), ['scripts/db-seed.ts'], { env, encoding: 'utf8' });
  if (seed.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`db:seed failed:\n${seed.stdout}\n${seed.stderr}`);
  }

  // The server's log stays beside the screenshots: a 500 in a journey is explained there.
  mkdirSync(RESULTS_DIR, { recursive: true });
  const log = path.join(RESULTS_DIR, 'e2e-server.log');
  const fd = openSync(log, 'w');
  // Its own process group (detached), so teardown ends the server and nothing else.
  const server = spawn(process.execPath, ['scripts/serve.js'], { env, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const output = () => readFileSync(log, 'utf8');

  const teardown = async () => {
    if (server.exitCode === null && server.pid) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (server.exitCode === null) try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(`${baseURL}/healthz`, server, output);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('baseURL', baseURL);
  project.provide('today', E2E_TODAY);
  return teardown;
}
