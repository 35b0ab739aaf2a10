// npm run bench:bundle — each page's JavaScript (gzip) from the production build; fails when a page
// without charts exceeds its budget or loads the chart library. Run `npm run build` first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { bundleReport, formatBundleReport } from './lib/bundle-weight';

const report = bundleReport();
console.log(formatBundleReport(report));
mkdirSync('bench/out', { recursive: true });
writeFileSync('bench/out/bundle.json', `${JSON.stringify(report, null, 2)}\n`);
if (report.problems.length) process.exitCode = 1;
