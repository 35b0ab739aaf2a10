import path from 'node:path';
import { readConfig } from '@remix-run/dev/dist/config.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPublicRoute } from '~/utils/public-routes';
import { makeInstitution, makeUser, type TestUser } from '../support/factories';
import { anonymousRequest, responseOf, routeArgs, signedInRequest } from '../support/requests';

/**
 * Every route of the app, as Remix itself reads them, held to the guard rules by behaviour: a route
 * not listed in public-routes.ts sends a signed-out visitor to /login; a signed-in user without a
 * membership gets 404 under /i/$institutionId and 403 under /admin. A new route cannot forget.
 */
type RouteModule = { loader?: (args: unknown) => unknown; action?: (args: unknown) => unknown };
type Route = { id: string; file: string; path: string };

const config = await readConfig(process.cwd());
const routes: Route[] = Object.values(config.routes)
  .filter((route) => route.id !== 'root') // The document shell: language and toast only, no data.
  .map((route) => {
    const segments: string[] = [];
    for (let r: typeof route | undefined = route; r; r = r.parentId ? config.routes[r.parentId] : undefined) {
      if (r.path) segments.unshift(r.path);
    }
    return { id: route.id, file: path.join(config.appDirectory, route.file), path: `/${segments.join('/')}`.replace(/\/+/g, '/') };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

let college: { id: number };
let stranger: TestUser;

beforeAll(async () => {
  college = await makeInstitution();
  stranger = await makeUser();
});

function urlOf(route: Route) {
  const params: Record<string, string> = {};
  const url = route.path.replace(/:(\w+)\??/g, (_, name: string) => {
    params[name] = name === 'institutionId' ? String(college.id) : '1';
    return params[name]!;
  }).replace(/\/\*$/, '/x');
  if (route.path.endsWith('*')) params['*'] = 'x';
  return { url, params };
}

async function handlers(route: Route) {
  const module = (await import(/* @vite-ignore */ route.file)) as RouteModule;
  return (['loader', 'action'] as const).filter((name) => typeof module[name] === 'function').map((name) => ({ name, fn: module[name]! }));
}

const guarded = routes.filter((route) => !isPublicRoute(route.id));

describe('every route of the app', () => {
  it('is found', () => {
    expect(routes.map((r) => r.id)).toEqual(expect.arrayContaining(['routes/_app', 'routes/login', 'routes/_app.i.$institutionId.audit', 'routes/_app.admin.users.$userId']));
  });

  it.each(guarded.map((r) => [r.id, r]))('%s sends a signed-out visitor to /login', async (_, route) => {
    const { url, params } = urlOf(route);
    for (const { name, fn } of await handlers(route)) {
      const request = anonymousRequest(url, name === 'action' ? { method: 'POST', form: {} } : {});
      const response = await responseOf(fn(routeArgs(request, params)));
      expect(response.status, `${name} of ${url}`).toBe(302);
      expect(response.headers.get('Location'), `${name} of ${url}`).toMatch(/^\/login(\?|$)/);
    }
  });

  const institutionRoutes = guarded.filter((route) => route.path.includes(':institutionId') && !route.path.startsWith('/admin'));
  it.each(institutionRoutes.map((r) => [r.id, r]))('%s answers a user without a membership 404', async (_, route) => {
    const { url, params } = urlOf(route);
    for (const { name, fn } of await handlers(route)) {
      const request = await signedInRequest(stranger, url, name === 'action' ? { method: 'POST', form: {} } : {});
      const response = await responseOf(fn(routeArgs(request, params)));
      expect(response.status, `${name} of ${url}`).toBe(404);
    }
  });

  const adminRoutes = guarded.filter((route) => route.path.startsWith('/admin'));
  it.each(adminRoutes.map((r) => [r.id, r]))('%s answers a user who is not an administrator 403', async (_, route) => {
    const { url, params } = urlOf(route);
    for (const { name, fn } of await handlers(route)) {
      const request = await signedInRequest(stranger, url, name === 'action' ? { method: 'POST', form: {} } : {});
      const response = await responseOf(fn(routeArgs(request, params)));
      expect(response.status, `${name} of ${url}`).toBe(403);
    }
  });
});
