import type { TFunction } from 'i18next';
import { addDays, formatDay, type DateLocale, type Day } from '~/utils/dates';
import { icsChunks, type IcsEvent } from '~/utils/ics';
import { appLink } from '~/utils/mailer.server';
import type { MomentRow } from './queries.server';
import { MOMENT_STATUSES, periodLabel, type MomentStatus } from './rules';

/** A pure function of its key, remembered for the length of one feed (a feed repeats few periods and days). */
function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}

/**
 * Reporting moments as an iCalendar document (RFC 5545; see utils/ics.ts). One all-day event per
 * moment; its UID is the moment's stable UID, so a client that imports the feed again updates the
 * event instead of adding a second one. Labels are translated once per feed, not once per event:
 * a feed carries thousands of moments.
 */
export function momentsCalendar(moments: readonly MomentRow[], options: { name: string; t: TFunction; locale: DateLocale }): Iterable<string> {
  const { t, locale } = options;
  const label = Object.fromEntries(
    ['status', 'institution', 'period', 'due', 'responsible', 'toWhom', 'moment', 'obligation', 'agreement'].map((key) => [key, t(`calendar:ics.${key}`)]),
  ) as Record<string, string>;
  const statusLabel = Object.fromEntries(MOMENT_STATUSES.map((s) => [s, t(`obligations:status.${s}`)])) as Record<MomentStatus, string>;
  const period = memo((key: string) => periodLabel(key.slice(0, 10), key.slice(11), locale));
  const day = memo((d: Day) => formatDay(d, locale));
  const dayAfter = memo((d: Day) => addDays(d, 1));
  // Links are the app's address plus a path: one URL parse per feed, not three per event.
  const origin = appLink('/').replace(/\/$/, '');
  // What a moment says about its obligation is the same for every moment of it.
  const aboutObligation = (m: MomentRow) => {
    const toWhom = [...m.stakeholders.map((s) => s.name), ...(m.obligation.forum ? [m.obligation.forum] : [])];
    const base = `${origin}/i/${m.institutionId}`;
    return {
      before: m.responsible ? `\n${label.responsible}: ${m.responsible.name}` : '',
      toWhom: toWhom.length ? `\n${label.toWhom}: ${toWhom.join(', ')}` : '',
      links: `\n${label.obligation}: ${base}/obligations/${m.obligation.id}` +
        (m.agreement ? `\n${label.agreement}: ${base}/agreements/${m.agreement.id}` : ''),
    };
  };
  const obligationOf = new Map<number, ReturnType<typeof aboutObligation>>();
  const toEvent = (m: MomentRow): IcsEvent => {
    let about = obligationOf.get(m.obligation.id);
    if (!about) obligationOf.set(m.obligation.id, (about = aboutObligation(m)));
    const momentPeriod = period(`${m.periodStart}/${m.periodEnd}`);
    const momentLink = `${origin}/i/${m.institutionId}/moments/${m.id}`;
    const description = `${label.status}: ${statusLabel[m.status]}\n${label.institution}: ${m.institutionName}` +
      `\n${label.period}: ${momentPeriod}\n${label.due}: ${day(m.dueOn)}${about.before}${about.toWhom}` +
      `\n\n${label.moment}: ${momentLink}${about.links}`;
    return {
      uid: m.uid,
      sequence: m.version,
      // Plain days: no zone can move a deadline. DTEND is exclusive, so the event covers the due day.
      start: m.dueOn,
      end: dayAfter(m.dueOn),
      summary: `${m.obligation.title} — ${momentPeriod}`,
      description,
      url: momentLink,
      status: m.status === 'waived' ? 'CANCELLED' : 'CONFIRMED',
      categories: [statusLabel[m.status]],
    };
  };
  function* events() {
    for (const m of moments) yield toEvent(m);
  }
  // Subscribed clients poll; a few hours is plenty for deadlines.
  return icsChunks({ name: options.name, language: locale, ttlSeconds: 6 * 60 * 60, stamp: new Date() }, events());
}

/** The calendar as a response, streamed chunk by chunk as the client reads it. */
export function icsResponse(body: Iterable<string>, fileName: string, disposition: 'inline' | 'attachment'): Response {
  const chunks = body[Symbol.iterator]();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `${disposition}; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
