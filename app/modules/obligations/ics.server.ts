import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { TFunction } from 'i18next';
import { addDays, formatDay, type DateLocale } from '~/utils/dates';
import { appLink } from '~/utils/mailer.server';
import type { MomentRow } from './queries.server';
import { periodLabel } from './rules';

/**
 * Reporting moments as an iCalendar document (RFC 5545, written by ical-generator: CRLF, folding,
 * escaping). One all-day event per moment; its UID is the moment's stable UID, so a client that
 * imports the feed again updates the event instead of adding a second one.
 */
export function momentsCalendar(moments: readonly MomentRow[], options: { name: string; t: TFunction; locale: DateLocale }): string {
  const { t, locale } = options;
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Horizon', product: 'Horizon', language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // Subscribed clients poll; a few hours is plenty for deadlines.
    ttl: 6 * 60 * 60,
  });
  for (const m of moments) {
    const period = periodLabel(m.periodStart, m.periodEnd, locale);
    const momentLink = appLink(`/i/${m.institutionId}/moments/${m.id}`);
    const description = [
      `${t('calendar:ics.status')}: ${t(`obligations:status.${m.status}`)}`,
      `${t('calendar:ics.institution')}: ${m.institutionName}`,
      `${t('calendar:ics.period')}: ${period}`,
      `${t('calendar:ics.due')}: ${formatDay(m.dueOn, locale)}`,
      m.responsible ? `${t('calendar:ics.responsible')}: ${m.responsible.name}` : null,
      m.stakeholders.length || m.obligation.forum
        ? `${t('calendar:ics.toWhom')}: ${[...m.stakeholders.map((s) => s.name), ...(m.obligation.forum ? [m.obligation.forum] : [])].join(', ')}`
        : null,
      '',
      `${t('calendar:ics.moment')}: ${momentLink}`,
      `${t('calendar:ics.obligation')}: ${appLink(`/i/${m.institutionId}/obligations/${m.obligation.id}`)}`,
      m.agreement ? `${t('calendar:ics.agreement')}: ${appLink(`/i/${m.institutionId}/agreements/${m.agreement.id}`)}` : null,
    ].filter((line): line is string => line !== null);
    calendar.createEvent({
      id: m.uid,
      sequence: m.version,
      // Plain days: no zone can move a deadline. DTEND is exclusive, so the event covers the due day.
      start: m.dueOn,
      end: addDays(m.dueOn, 1),
      allDay: true,
      summary: `${m.obligation.title} — ${period}`,
      description: description.join('\n'),
      url: momentLink,
      status: m.status === 'waived' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.TRANSPARENT,
      categories: [{ name: t(`obligations:status.${m.status}`) }],
    });
  }
  return calendar.toString();
}

export function icsResponse(body: string, fileName: string, disposition: 'inline' | 'attachment'): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `${disposition}; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
