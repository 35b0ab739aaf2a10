// Sums the vitest JSON reports and the static checks into the one closing line CI reads:
// `N passed, N failed, N skipped`. Exits non-zero when anything failed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, ...steps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

for (const step of steps) {
  const [name, outcome] = [step.slice(0, step.lastIndexOf(':')), step.slice(step.lastIndexOf(':') + 1)];
  if (outcome === 'pass') passed += 1;
  else {
    failed += 1;
    console.log(`FAILED: ${name}`);
  }
}

const reports = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
for (const file of reports) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that failed to load has no tests in the count but is a failure all the same.
  const brokenFiles = (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0);
  failed += brokenFiles.length;
  for (const broken of brokenFiles) console.log(`FAILED to load: ${broken.name}`);
  console.log(`${file.replace('.json', '')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
}
for (const suite of ['sqlite', 'postgres', 'e2e']) {
  if (!reports.includes(`${suite}.json`)) console.log(`(no ${suite} report)`);
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
