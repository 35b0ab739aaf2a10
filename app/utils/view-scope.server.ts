import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One page view runs several loaders (root, shell, institution layout, page), and Remix hands each
 * its own copy of the Request, so nothing on the request itself is shared between them. The server
 * (scripts/serve.js) runs each HTTP request inside `inViewScope`; `oncePerView` then keeps a read —
 * who is signed in, their role in the institution — for the rest of that request, instead of
 * reading it once per loader. Outside a scope (tests calling a loader, scripts) every call reads.
 */
const views = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

export function inViewScope<T>(run: () => T): T {
  return views.run(new Map(), run);
}

/**
 * `load()` once per view for `key`. Only for GET and HEAD: an action may change what was read (a
 * password, a membership), and what runs after it in the same request must see the change.
 */
export function oncePerView<T>(request: Request, key: string, load: () => Promise<T>): Promise<T> {
  const kept = views.getStore();
  if (!kept || (request.method !== 'GET' && request.method !== 'HEAD')) return load();
  let found = kept.get(key) as Promise<T> | undefined;
  if (!found) kept.set(key, (found = load()));
  return found;
}
