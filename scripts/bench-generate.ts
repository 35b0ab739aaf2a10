// npm run bench:generate -- [--scale 1|0.1] [--out file.sqlite] [--seed s] [--today YYYY-MM-DD] [--reset]
// Writes the benchmark data set into a fresh SQLite file (default tmp/bench/horizon-scale-<scale>.sqlite),
// or, when DATABASE_URL is postgres://…, into that database (which must hold no institutions yet;
// --reset empties it first by rolling every migration back), and a JSON summary beside it that the
// benchmark runner reads.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DIR, BENCH_SEED, BENCH_TODAY, benchDatabaseFile, summaryFileOf } from '../seeds/bench/config';
import { runScript } from './lib/cli';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' }, out: { type: 'string' }, seed: { type: 'string', default: BENCH_SEED },
    today: { type: 'string', default: BENCH_TODAY }, reset: { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

await runScript('bench:generate', async () => {
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be above 0 and at most 1 (got ${values.scale})`);
  let summaryFile: string;
  if (postgres) {
    summaryFile = path.join(BENCH_DIR, `postgres-scale-${scale}.json`);
  } else {
    const file = path.resolve(values.out ?? benchDatabaseFile(scale));
    mkdirSync(path.dirname(file), { recursive: true });
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
    process.env.DATABASE_URL = `sqlite:${file}`;
    summaryFile = summaryFileOf(file);
  }
  // Imported after DATABASE_URL is settled: the app's pool reads it when it first opens.
  const { generateBenchData } = await import('../seeds/bench/generate');
  if (postgres && values.reset) {
    const [{ migrateDownAll }, { db }] = await Promise.all([import('../db/migrator'), import('../app/utils/db.server')]);
    await migrateDownAll(await db());
  }
  console.log(`Generating the benchmark data at scale ${scale} into ${postgres ? 'PostgreSQL (DATABASE_URL)' : process.env.DATABASE_URL}…`);
  const summary = await generateBenchData({ scale, seed: values.seed!, today: values.today!, log: (line) => console.log(`  ${line}`) });
  mkdirSync(path.dirname(summaryFile), { recursive: true });
  writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
  const c = summary.counts;
  console.log(`Done in ${summary.seconds} s: ${summary.institutions} institutions, ${c.parties} parties, ${c.stakeholders} stakeholders, ` +
    `${c.obligations} obligations, ${c.reporting_moments} reporting moments, ${c.compliance_statements} statements.`);
});
