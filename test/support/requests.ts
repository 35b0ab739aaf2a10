import { sessionStorage } from '~/utils/session.server';

/**
 * Requests for calling loaders and actions directly, as Remix would: real `Request`s, a real
 * signed session cookie, and the load context the server passes (the client's address).
 */
export const BASE_URL = 'http://localhost:3000';
export const CLIENT_ADDRESS = '203.0.113.9';

export type FormInput = Record<string, string | number | boolean | null | undefined | (string | number)[]>;
export type RequestOptions = { method?: string; form?: FormInput; cookie?: string; headers?: HeadersInit };

function formBody(form: FormInput): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    if (value === undefined || value === null || value === false) continue;
    if (Array.isArray(value)) value.forEach((v) => body.append(name, String(v)));
    else body.append(name, value === true ? 'on' : String(value));
  }
  return body;
}

/** A request to `path` (relative to the app); with `form` it is a POST of that form unless `method` says otherwise. */
export function buildRequest(path: string, { method, form, cookie, headers }: RequestOptions = {}): Request {
  const allHeaders = new Headers(headers);
  if (cookie) allHeaders.set('Cookie', cookie);
  const verb = method ?? (form ? 'POST' : 'GET');
  const body = form && verb !== 'GET' ? formBody(form) : undefined;
  if (body) allHeaders.set('Content-Type', 'application/x-www-form-urlencoded');
  return new Request(new URL(path, BASE_URL), { method: verb, headers: allHeaders, body });
}

/** The Cookie header of a session signed in as `user`, issued now (or at `issuedAt`, ms). */
export async function sessionCookie(user: { id: number }, { issuedAt = Date.now(), lng }: { issuedAt?: number; lng?: string } = {}): Promise<string> {
  const storage = sessionStorage();
  const session = await storage.getSession();
  session.set('userId', user.id);
  session.set('issuedAt', issuedAt);
  if (lng) session.set('lng', lng);
  return cookiePair(await storage.commitSession(session));
}

/** A request from a signed-in user, e.g. `signedInRequest(admin, '/admin/users', { form: { intent: 'x' } })`. */
export async function signedInRequest(user: { id: number }, path: string, options: RequestOptions = {}): Promise<Request> {
  const cookie = [await sessionCookie(user), options.cookie].filter(Boolean).join('; ');
  return buildRequest(path, { ...options, cookie });
}

export const anonymousRequest = (path: string, options: RequestOptions = {}) => buildRequest(path, options);

/** The arguments Remix passes a loader or action. */
export function routeArgs(request: Request, params: Record<string, string> = {}, clientAddress = CLIENT_ADDRESS) {
  return { request, params, context: { clientAddress } };
}

/**
 * What a loader or action answered, thrown or returned: guards throw redirects and 403/404
 * responses, actions return them. A plain value (a loader returning null) becomes a 200.
 */
export async function responseOf(pending: Promise<unknown> | unknown): Promise<Response> {
  try {
    const value = await pending;
    return value instanceof Response ? value : Response.json(value ?? null);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

/** `name=value` of a Set-Cookie header line. */
export const cookiePair = (setCookie: string) => setCookie.split(';')[0]!;

/** The cookies a response sets, as a Cookie header for the next request (expired ones left out). */
export function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .filter((line) => !/max-age=0\b/i.test(line) && !/expires=thu, 01 jan 1970/i.test(line))
    .map(cookiePair)
    .join('; ');
}

/** The session cookie line a response sets, if any. */
export const sessionSetCookie = (response: Response) =>
  response.headers.getSetCookie().find((line) => line.startsWith('__horizon_session='));

export async function jsonOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
