import type { TFunction } from 'i18next';
import { toCsv } from '~/utils/csv';
import type { DateLocale } from '~/utils/dates';
import { appLink } from '~/utils/mailer.server';
import { toXlsx } from '~/utils/xlsx.server';
import type { MomentRow } from './queries.server';
import { periodLabel } from './rules';

/** The moments list as a table: the same columns in the CSV and the Excel export. */
function table(rows: readonly MomentRow[], t: TFunction, locale: DateLocale) {
  const header = [
    t('calendar:columns.dueOn'), t('calendar:columns.status'), t('calendar:columns.obligation'), t('calendar:columns.period'),
    t('calendar:columns.responsible'), t('calendar:columns.toWhom'), t('calendar:columns.agreement'), t('calendar:columns.provisions'),
    t('calendar:columns.renderedOn'), t('calendar:columns.waivedOn'), t('calendar:columns.link'),
  ];
  const body = rows.map((m) => [
    m.dueOn,
    t(`obligations:status.${m.status}`),
    m.obligation.title,
    periodLabel(m.periodStart, m.periodEnd, locale),
    m.responsible?.name ?? '',
    [...m.stakeholders.map((s) => s.name), ...(m.obligation.forum ? [m.obligation.forum] : [])].join('; '),
    m.agreement?.title ?? '',
    m.provisions.map((p) => `${p.codeTitle[locale]} ${p.number}`).join('; '),
    m.renderedOn ?? '',
    m.waivedOn ?? '',
    appLink(`/i/${m.institutionId}/moments/${m.id}`),
  ]);
  return { header, body };
}

export function momentsCsv(rows: readonly MomentRow[], t: TFunction, locale: DateLocale): string {
  const { header, body } = table(rows, t, locale);
  return toCsv(header, body);
}

export function momentsXlsx(rows: readonly MomentRow[], t: TFunction, locale: DateLocale): Promise<Buffer> {
  const { header, body } = table(rows, t, locale);
  return toXlsx([{ name: t('calendar:export.sheet'), header, rows: body, widths: [12, 14, 40, 14, 22, 36, 30, 30, 12, 12, 40] }]);
}
