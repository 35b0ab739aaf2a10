import { gunzipSync } from 'node:zlib';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { recordRendering, waiveMoment } from '~/modules/obligations/mutations.server';
import * as feedRoute from '~/routes/_app.calendar-feed';
import * as institutionIcs from '~/routes/_app.i.$institutionId.calendar[.]ics';
import * as personalFeed from '~/routes/ics.$token';
import { revokeMembership } from '~/modules/users/mutations.server';
import { Membership, ReportingMoment, User } from '~/utils/db.server';
import { isPublicRoute } from '~/utils/public-routes';
import { makeMember } from '../support/factories';
import { anonymousRequest, jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';
import { makeAgreement, makeObligation, makeWorld, type World } from '../modules/obligations-fixtures';

/**
 * Calendar feeds: the output is read back by ical.js, an independent parser, so "valid RFC 5545"
 * is not this app's own opinion. The personal feed is public (no session), opened by a secret
 * token, and shows only what the owner's memberships allow today.
 */

let world: World;
let collegeObligation: number;
let corporationObligation: number;

type Event = { uid: string; summary: string; description: string; start: ICAL.Time; end: ICAL.Time; status: string | null; url: string | null };

function parseCalendar(text: string): Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate,
      end: event.endDate,
      status: vevent.getFirstPropertyValue('status') as string | null,
      url: vevent.getFirstPropertyValue('url') as string | null,
    };
  });
}

async function subscribe(user: { id: number }): Promise<string> {
  const request = await signedInRequest(user, '/calendar-feed', { form: { intent: 'regenerate' } });
  const { url } = await jsonOf<{ url: string }>(await responseOf(feedRoute.action(routeArgs(request))));
  expect(url).toMatch(/^http:\/\/localhost:3000\/ics\/[A-Za-z0-9_-]{43}\.ics$/);
  return url;
}

async function fetchFeed(url: string, headers: HeadersInit = {}): Promise<Response> {
  const token = url.split('/ics/')[1]!;
  return responseOf(personalFeed.loader(routeArgs(anonymousRequest(`/ics/${token}`, { headers }), { token })));
}

const pinned = process.env.HORIZON_TODAY;
afterAll(() => {
  if (pinned === undefined) delete process.env.HORIZON_TODAY;
  else process.env.HORIZON_TODAY = pinned;
});

beforeAll(async () => {
  // The feed derives each status from "today": pin it.
  process.env.HORIZON_TODAY = '2026-03-01';
  world = await makeWorld();
  const { id: agreementId } = await makeAgreement(world.college, [world.municipality.id], { title: 'Prestatieafspraken; 2026, "tripartite"' });
  ({ id: collegeObligation } = await makeObligation(world.college, {
    // Commas, semicolons, quotes and a long title: escaping and line folding must hold.
    title: 'Jaarverslag, jaarrekening; en het "bestuursverslag" — met een titel die lang genoeg is om gevouwen te worden',
    responsibleUserId: world.secretary.id, stakeholderIds: [world.municipality.id], agreementId, endsOn: '2026-12-31',
  }, '2026-01-01'));
  ({ id: corporationObligation } = await makeObligation(world.corporation, { title: 'Bod', responsibleUserId: world.otherSecretary.id }, '2026-01-01'));
  const [first, second] = await ReportingMoment.findAll({ where: { obligationId: collegeObligation }, order: [['dueOn', 'ASC']] });
  await recordRendering(SYSTEM_ACTOR, { institutionId: world.college.id, momentId: first.id, renderedOn: '2026-01-10', version: 0 }, '2026-02-01');
  await waiveMoment(SYSTEM_ACTOR, { institutionId: world.college.id, momentId: second.id, reason: 'Combined', version: 0 }, '2026-02-01');
});

describe('the personal feed', () => {
  it('is a public route: calendar apps carry no session', () => {
    expect(isPublicRoute('routes/ics.$token')).toBe(true);
  });

  it('parses as iCalendar: one all-day event per moment, with the stable UID, status and links', async () => {
    const response = await fetchFeed(await subscribe(world.secretary));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    // RFC 5545: CRLF line ends and lines folded at 75 octets.
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);

    const events = parseCalendar(text);
    const moments = await ReportingMoment.findAll({ where: { obligationId: collegeObligation }, order: [['dueOn', 'ASC']] });
    expect(events.map((e) => e.uid).sort()).toEqual(moments.map((m) => m.uid).sort());
    const [rendered, waived, open] = moments.map((m) => events.find((e) => e.uid === m.uid)!);

    expect(open.start.isDate).toBe(true);
    expect(open.start.toString()).toBe(moments[2].dueOn);
    expect(open.end.toString()).toBe('2026-07-16');
    expect(open.summary).toBe('Jaarverslag, jaarrekening; en het "bestuursverslag" — met een titel die lang genoeg is om gevouwen te worden — Q2 2026');
    expect(open.description).toContain('Status: Gepland');
    expect(open.description).toContain('Gemeente Horizon');
    expect(open.description).toContain(`http://localhost:3000/i/${world.college.id}/moments/${moments[2].id}`);
    expect(open.description).toContain(`http://localhost:3000/i/${world.college.id}/obligations/${collegeObligation}`);
    expect(open.description).toMatch(new RegExp(`http://localhost:3000/i/${world.college.id}/agreements/\\d+`));
    expect(open.url).toBe(`http://localhost:3000/i/${world.college.id}/moments/${moments[2].id}`);
    expect(rendered.description).toContain('Status: Verantwoord');
    expect(waived.status).toBe('CANCELLED');
    expect(rendered.status).toBe('CONFIRMED');
  });

  it('shows only the institutions the owner is a member of now; administrators see all', async () => {
    const uidsOf = async (url: string) => parseCalendar(await (await fetchFeed(url)).text()).map((e) => e.uid);
    const collegeUids = (await ReportingMoment.findAll({ where: { obligationId: collegeObligation } })).map((m) => m.uid);
    const corporationUids = (await ReportingMoment.findAll({ where: { obligationId: corporationObligation } })).map((m) => m.uid);

    expect(await uidsOf(await subscribe(world.otherSecretary))).toEqual(expect.arrayContaining(corporationUids));
    expect(await uidsOf(await subscribe(world.otherSecretary))).not.toEqual(expect.arrayContaining([collegeUids[0]]));
    const adminUids = await uidsOf(await subscribe(world.admin));
    expect(adminUids).toEqual(expect.arrayContaining([...collegeUids, ...corporationUids]));

    // A member who leaves: the same URL is empty from then on.
    const leaver = await makeMember(world.college, 'supervisor');
    const url = await subscribe(leaver);
    expect(await uidsOf(url)).toEqual(expect.arrayContaining(collegeUids));
    const membership = await Membership.findOne({ where: { userId: leaver.id } });
    await revokeMembership(SYSTEM_ACTOR, leaver.id, membership!.id);
    expect(await uidsOf(url)).toEqual([]);
  });

  it('a new URL revokes the old one; switching off revokes both; only the hash is stored', async () => {
    const old = await subscribe(world.manager);
    const fresh = await subscribe(world.manager);
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(fresh)).status).toBe(200);
    const stored = await User.findByPk(world.manager.id);
    expect(stored!.calendarTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(fresh).not.toContain(stored!.calendarTokenHash!);

    await feedRoute.action(routeArgs(await signedInRequest(world.manager, '/calendar-feed', { form: { intent: 'revoke' } })));
    expect((await fetchFeed(fresh)).status).toBe(404);
    expect(await jsonOf(await responseOf(feedRoute.loader(routeArgs(await signedInRequest(world.manager, '/calendar-feed')))))).toEqual({ hasFeed: false });
  });

  it('an unknown or malformed token is 404', async () => {
    for (const token of ['nope', `${'a'.repeat(43)}.ics`, '../../etc/passwd']) {
      const response = await responseOf(personalFeed.loader(routeArgs(anonymousRequest(`/ics/${encodeURIComponent(token)}`), { token })));
      expect(response.status).toBe(404);
    }
  });
});

describe('the kept feed (calendar apps poll)', () => {
  it('answers a poll with the same feed and ETag, a 304 to If-None-Match, and gzip to a client that accepts it', async () => {
    const url = await subscribe(world.secretary);
    const first = await fetchFeed(url);
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('Cache-Control')).toBe('private, no-cache');
    const text = await first.text();

    const again = await fetchFeed(url);
    expect(again.headers.get('ETag')).toBe(etag);
    expect(await again.text()).toBe(text);

    const unchanged = await fetchFeed(url, { 'If-None-Match': etag! });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');

    const zipped = await fetchFeed(url, { 'Accept-Encoding': 'br, gzip;q=0.8' });
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(text);
    expect((await fetchFeed(url, { 'Accept-Encoding': 'gzip;q=0' })).headers.get('Content-Encoding')).toBeNull();
  });

  it('is built again after a change in its institutions, and on another day', async () => {
    const url = await subscribe(world.secretary);
    const before = await fetchFeed(url);
    const etag = before.headers.get('ETag')!;
    const open = (await ReportingMoment.findAll({ where: { obligationId: collegeObligation }, order: [['dueOn', 'ASC']] }))[2]!;
    expect(parseCalendar(await before.text()).find((e) => e.uid === open.uid)!.description).toContain('Status: Gepland');

    await recordRendering(SYSTEM_ACTOR, { institutionId: world.college.id, momentId: open.id, renderedOn: '2026-02-20', version: open.version }, '2026-03-01');
    const after = await fetchFeed(url, { 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(etag);
    expect(parseCalendar(await after.text()).find((e) => e.uid === open.uid)!.description).toContain('Status: Verantwoord');

    // A change in an institution the owner does not see leaves the feed as it was.
    const kept = after.headers.get('ETag')!;
    const [other] = await ReportingMoment.findAll({ where: { obligationId: corporationObligation }, order: [['dueOn', 'ASC']] });
    await waiveMoment(SYSTEM_ACTOR, { institutionId: world.corporation.id, momentId: other!.id, reason: 'Combined', version: other!.version }, '2026-03-01');
    expect((await fetchFeed(url, { 'If-None-Match': kept })).status).toBe(304);

    // Statuses move with the date: the next day is a new feed.
    process.env.HORIZON_TODAY = '2026-11-01';
    try {
      const later = await fetchFeed(url, { 'If-None-Match': kept });
      expect(later.status).toBe(200);
      expect(parseCalendar(await later.text()).some((e) => e.description.includes('Status: Te laat'))).toBe(true);
    } finally {
      process.env.HORIZON_TODAY = '2026-03-01';
    }
  });
});

describe('the institution download', () => {
  it('is guarded like the calendar page and parses', async () => {
    const path = `/i/${world.college.id}/calendar.ics`;
    const ok = await responseOf(institutionIcs.loader(routeArgs(await signedInRequest(world.supervisor, path), { institutionId: String(world.college.id) })));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Disposition')).toMatch(/^attachment/);
    const events = parseCalendar(await ok.text());
    expect(events.length).toBe(await ReportingMoment.count({ where: { institutionId: world.college.id } }));

    const other = await responseOf(institutionIcs.loader(routeArgs(await signedInRequest(world.otherSecretary, path), { institutionId: String(world.college.id) })));
    expect(other.status).toBe(404);
  });
});
