// Serves the production build: static assets, then every other request through Remix.
// Plain JavaScript so `npm start` needs no compiler; configuration problems end with one clear line.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import 'dotenv/config';
import express from 'express';

process.env.NODE_ENV ??= 'production';

const port = Number(process.env.PORT || 3000);
const buildPath = path.resolve('build', 'index.js');

function fail(message) {
  console.error(`horizon: ${message}`);
  process.exit(1);
}

if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a number between 1 and 65535 (got "${process.env.PORT}")`);
if (!existsSync(buildPath)) fail('no build found: run `npm run build` first');
if (process.env.NODE_ENV === 'production' && !process.env.SESSION_SECRET) {
  fail('SESSION_SECRET is required: run `npm run setup` to create .env with a generated secret, or set it in the environment');
}

const build = await import(pathToFileURL(buildPath).href);

const app = express();
app.disable('x-powered-by');
// Behind a load balancer the client's address comes from X-Forwarded-For (sign-in throttling uses it).
app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback');
app.use(compression());
app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
app.use(express.static('public', { maxAge: '1h' }));
const handleRequest = createRequestHandler({
  build,
  mode: process.env.NODE_ENV,
  getLoadContext: (req) => ({ clientAddress: req.ip ?? 'unknown' }),
});
// Each request is one view scope (app/utils/view-scope.server.ts): its loaders read the signed-in user once.
const { inViewScope } = build.entry.module;
app.all('*', (req, res, next) => inViewScope(() => handleRequest(req, res, next)));

const server = app.listen(port, () => console.log(`Horizon listening on http://localhost:${port}`));
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') fail(`port ${port} is already in use: stop the other process or set PORT to a free port`);
  if (error.code === 'EACCES') fail(`port ${port} needs privileges this user does not have: set PORT above 1024`);
  fail(error.message);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
