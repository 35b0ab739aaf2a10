import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { selectRows } from '~/utils/db.server';

/**
 * The personal calendar feed, kept once built. Calendar apps poll a subscribed feed every few hours
 * and nearly always find it unchanged, while building the largest one (thousands of events, megabytes
 * of text) costs far more than any page. So the finished feed is kept gzipped per owner, scope,
 * language and day, with a stamp of the newest change that could alter it: the newest audit event of
 * its institutions — every change is audited in its own transaction — and the newest change to a user
 * (the responsible people's names). A later change, another day (statuses move with the date) or an
 * age of ten minutes builds it anew — the age is the safety net for what the stamp cannot see: a
 * write around the audit trail, or on PostgreSQL a transaction that commits after a younger one.
 * The stamp is also the ETag, so a client that asks with If-None-Match gets a 304 and no body.
 */

/** How long a kept feed may be served without being built again, whatever the stamp says. */
const FEED_MAX_AGE_MS = 10 * 60 * 1000;
/** Feeds kept per process (each is a few hundred KB gzipped); the least recently used goes first. */
const KEPT_FEEDS = 32;

type KeptFeed = { stamp: string; etag: string; gzip: Buffer; builtAt: number };
const kept = new Map<string, KeptFeed>();

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * The newest change that could alter a feed of these institutions: per institution its newest audit
 * event (the (institution_id, occurred_at) index answers each with one lookup; the id breaks a tie
 * within a millisecond), and the newest user row.
 */
export async function feedStamp(institutionIds: number[] | 'all'): Promise<string> {
  const newest = (where: string) => `SELECT a.id FROM audit_events a WHERE ${where} ORDER BY a.occurred_at DESC, a.id DESC LIMIT 1`;
  const audit = institutionIds === 'all'
    ? newest('a.institution_id IS NOT NULL')
    : institutionIds.length === 0
      ? 'SELECT NULL'
      : `SELECT MAX((${newest('a.institution_id = i.id')})) FROM institutions i WHERE i.id IN (:institutionIds)`;
  const [row] = await selectRows<{ audit: number | string | null; users: string | Date | null }>(
    `SELECT (${audit}) AS audit, (SELECT MAX(u.updated_at) FROM users u) AS users`,
    { institutionIds },
  );
  const users = row?.users instanceof Date ? row.users.toISOString() : String(row?.users ?? '-');
  return `${row?.audit ?? '-'}|${users}`;
}

/** The kept feed for `key` if its stamp still holds, else the one `build` makes (then kept). */
export async function keptFeed(key: string, stamp: string, build: () => Promise<Iterable<string>>, now = Date.now()): Promise<KeptFeed> {
  const found = kept.get(key);
  if (found && found.stamp === stamp && now - found.builtAt < FEED_MAX_AGE_MS) {
    // Map order is insertion order: moving the hit to the end makes the first entry the least recently used.
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const body = Buffer.from([...(await build())].join(''), 'utf8');
  const feed: KeptFeed = {
    stamp,
    etag: `"${createHash('sha256').update(`${key}\n${stamp}\n`).update(body).digest('base64url').slice(0, 27)}"`,
    gzip: await gzipAsync(body),
    builtAt: now,
  };
  kept.delete(key);
  kept.set(key, feed);
  while (kept.size > KEPT_FEEDS) kept.delete(kept.keys().next().value!);
  return feed;
}

const acceptsGzip = (request: Request) =>
  (request.headers.get('Accept-Encoding') ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    return coding?.trim().toLowerCase() === 'gzip' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });

/** The feed as the response: 304 when the client has it, gzipped when it accepts that, plain otherwise. */
export async function keptFeedResponse(request: Request, feed: KeptFeed, fileName: string): Promise<Response> {
  const headers = new Headers({
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `inline; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
    // The client may keep it, but asks again each time (with the ETag): the answer is a cheap 304.
    'Cache-Control': 'private, no-cache',
    ETag: feed.etag,
    Vary: 'Accept-Encoding',
  });
  const asked = request.headers.get('If-None-Match');
  if (asked && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === feed.etag)) return new Response(null, { status: 304, headers });
  if (acceptsGzip(request)) {
    headers.set('Content-Encoding', 'gzip');
    return new Response(new Uint8Array(feed.gzip), { headers });
  }
  return new Response(new Uint8Array(await gunzipAsync(feed.gzip)), { headers });
}
