import type { TFunction } from 'i18next';
import { toCsv } from '~/utils/csv';
import type { DateLocale } from '~/utils/dates';
import { toXlsx } from '~/utils/xlsx.server';
import type { StatementRow } from './views';

/** The overview as a table: the same columns, in the same order, in the CSV and the Excel export. */
export function overviewTable(rows: readonly StatementRow[], t: TFunction, language: DateLocale) {
  const header = [
    t('compliance:columns.code'), t('compliance:columns.principle'), t('compliance:columns.number'), t('compliance:columns.title'),
    t('compliance:columns.regime'), t('compliance:columns.status'), t('compliance:columns.explanation'), t('compliance:columns.health'),
    t('compliance:columns.onTime'), t('compliance:columns.late'), t('compliance:columns.overdue'), t('compliance:columns.pending'),
    t('compliance:columns.flags'), t('compliance:columns.review'),
  ];
  const body = rows.map((r) => [
    `${r.code.title[language]} (${r.code.version})`,
    `${r.principle.number} ${r.principle.title[language]}`,
    r.target.number,
    r.target.title[language],
    t(`governance:regimes.${r.target.regime}`),
    t(`compliance:status.${r.status}`),
    r.explanation ?? '',
    t(`compliance:health.${r.health}`),
    r.tally.onTime,
    r.tally.late,
    r.tally.overdue,
    r.tally.pending,
    r.flags.map((f) => t(`compliance:flags.${f}`)).join('; '),
    r.needsReview ? t('common:yes') : t('common:no'),
  ]);
  return { header, body };
}

export function overviewCsv(rows: readonly StatementRow[], t: TFunction, language: DateLocale): string {
  const { header, body } = overviewTable(rows, t, language);
  return toCsv(header, body);
}

export function overviewXlsx(rows: readonly StatementRow[], t: TFunction, language: DateLocale, sheetName: string): Promise<Buffer> {
  const { header, body } = overviewTable(rows, t, language);
  return toXlsx([{ name: sheetName, header, rows: body, widths: [34, 34, 8, 40, 20, 18, 60, 14, 8, 8, 8, 8, 30, 10] }]);
}
