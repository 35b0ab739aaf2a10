import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

// Creates .env from .env.example with a generated session secret, once; an existing .env is left alone.
if (existsSync('.env')) {
  console.log('.env exists; leaving it as it is.');
} else {
  const template = readFileSync('.env.example', 'utf8');
  writeFileSync('.env', template.replace(/^SESSION_SECRET=.*$/m, `SESSION_SECRET=${randomBytes(32).toString('hex')}`), { mode: 0o600 });
  console.log('Created .env with a generated SESSION_SECRET.');
}
