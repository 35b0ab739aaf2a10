import { readFile } from 'node:fs/promises';
import { SYSTEM_ACTOR } from '../app/modules/audit/actor';
import { importCodeLibraryFile } from '../app/modules/governance/import.server';
import { runScript } from './lib/cli';

await runScript('codes:import', async () => {
  const files = process.argv.slice(2);
  if (files.length === 0) throw new Error('usage: npm run codes:import <file.json> [more.json …]');
  for (const file of files) {
    const outcome = await importCodeLibraryFile(SYSTEM_ACTOR, await readFile(file, 'utf8'));
    if (!outcome.ok) {
      process.exitCode = 1;
      console.error(`${file}: not imported, ${outcome.errors.length} problem(s):`);
      for (const error of outcome.errors) console.error(`  ${error.path}: ${error.message}`);
      continue;
    }
    const { result } = outcome;
    console.log(`${file}: ${result.created ? 'imported' : result.changed ? 'updated' : 'unchanged'} (${result.principles} principles, ${result.provisions} provisions)`);
  }
});
