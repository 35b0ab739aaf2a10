import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { TFunction } from 'i18next';
import { formatDay, type DateLocale, type Day } from '~/utils/dates';
import { DEVIATING_STATUSES, effectiveRegime, sharePercent, type StatementStatus, type StatusCounts } from './rules';

/**
 * The jaarverslag chapter on the governance code, generated from an institution-year's
 * statements in Dutch or English: every deviation with its explanation, and under
 * apply-and-explain how each provision is applied. Pure: the caller passes the data and a
 * translate function fixed to the chapter's language, so the page and the download say the same.
 */

export type ChapterStatement = {
  number: string;
  title: { nl: string; en: string };
  principleNumber: string;
  status: StatementStatus;
  explanation: string | null;
  regime: string;
};

export type ChapterCode = {
  title: { nl: string; en: string };
  issuer: string;
  version: string;
  coverage: string;
  provisionsListed: number;
  adoptedFrom: Day | null;
  counts: StatusCounts;
  share: number | null;
  statements: ChapterStatement[];
};

export type ChapterInput = {
  institutionName: string;
  year: number;
  approvedAt: string | null;
  approvedBy: string | null;
  codes: ChapterCode[];
};

export type ChapterEntry = { heading: string; status: string; explanation: string };
export type ChapterSection = { heading: string; paragraphs: string[]; deviations: ChapterEntry[]; applied: ChapterEntry[] };
export type Chapter = {
  language: DateLocale;
  title: string;
  intro: string[];
  sections: ChapterSection[];
  closing: string[];
  /** Headings in the chapter's own language, which may differ from the page's. */
  labels: { deviations: string; applied: string };
};

/** The Amsterdam day an instant fell on. */
function amsterdamDay(instant: string): Day {
  return format(new TZDate(new Date(instant).getTime(), 'Europe/Amsterdam'), 'yyyy-MM-dd');
}

const entry = (t: TFunction, language: DateLocale, s: ChapterStatement): ChapterEntry => ({
  heading: t('compliance:report.entryHeading', { number: s.number, title: s.title[language] }),
  status: t(`compliance:report.status.${s.status}`),
  explanation: s.explanation ?? t('compliance:report.noExplanation'),
});

export function buildChapter(input: ChapterInput, t: TFunction, language: DateLocale): Chapter {
  const percent = (share: number | null) =>
    share === null ? t('compliance:report.noShare') : `${new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }).format(sharePercent(share)!)}%`;
  const intro = [t('compliance:report.intro', { institution: input.institutionName, year: input.year, count: input.codes.length })];
  if (input.codes.length === 0) intro.push(t('compliance:report.noCodes', { institution: input.institutionName, year: input.year }));

  const sections = input.codes.map((code): ChapterSection => {
    const total = Object.values(code.counts).reduce((a, b) => a + b, 0);
    const paragraphs = [
      code.adoptedFrom
        ? t('compliance:report.applies', { institution: input.institutionName, code: code.title[language], issuer: code.issuer, version: code.version, date: formatDay(code.adoptedFrom, language) })
        : t('compliance:report.appliesUndated', { institution: input.institutionName, code: code.title[language], issuer: code.issuer, version: code.version }),
      t('compliance:report.summary', {
        year: input.year, count: total, complies: code.counts.complies, partially: code.counts.partially, explains: code.counts.explains,
        notApplicable: code.counts['not-applicable'], share: percent(code.share),
      }),
    ];
    if (code.counts['not-assessed'] > 0) paragraphs.push(t('compliance:report.notAssessed', { count: code.counts['not-assessed'] }));
    if (code.coverage === 'partial') paragraphs.push(t('compliance:report.partialCoverage', { count: code.provisionsListed }));
    const deviations = code.statements.filter((s) => DEVIATING_STATUSES.includes(s.status)).map((s) => entry(t, language, s));
    if (deviations.length === 0) paragraphs.push(t('compliance:report.noDeviations', { institution: input.institutionName, year: input.year }));
    // Apply-and-explain: the explanation of a provision complied with says how it is applied.
    const applied = code.statements
      .filter((s) => s.status === 'complies' && s.explanation && effectiveRegime(s.regime as never) === 'apply-and-explain')
      .map((s) => entry(t, language, s));
    return { heading: code.title[language], paragraphs, deviations, applied };
  });

  const closing = [
    input.approvedAt
      ? t('compliance:report.approved', { name: input.approvedBy ?? t('compliance:report.someone'), date: formatDay(amsterdamDay(input.approvedAt), language) })
      : t('compliance:report.draft'),
  ];
  return {
    language, title: t('compliance:report.title'), intro, sections, closing,
    labels: { deviations: t('compliance:report.deviations'), applied: t('compliance:report.applied') },
  };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Paragraphs of an explanation: its blank lines, kept. */
export const paragraphsOf = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/**
 * The chapter as a standalone HTML document, for the download: opens in a browser or a word
 * processor, prints cleanly, and carries no script or outside resource.
 */
export function chapterHtml(chapter: Chapter, documentTitle: string): string {
  const { labels } = chapter;
  const p = (text: string) => `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;
  const entries = (heading: string, list: ChapterEntry[]) =>
    list.length === 0 ? '' : `<h3>${escapeHtml(heading)}</h3>\n${list.map((e) =>
      `<h4>${escapeHtml(e.heading)} <small>(${escapeHtml(e.status)})</small></h4>\n${paragraphsOf(e.explanation).map(p).join('\n')}`).join('\n')}`;
  const body = [
    `<h1>${escapeHtml(chapter.title)}</h1>`,
    ...chapter.intro.map(p),
    ...chapter.sections.map((section) => [
      `<h2>${escapeHtml(section.heading)}</h2>`,
      ...section.paragraphs.map(p),
      entries(labels.deviations, section.deviations),
      entries(labels.applied, section.applied),
    ].filter(Boolean).join('\n')),
    ...chapter.closing.map(p),
  ].join('\n');
  return `<!doctype html>
<html lang="${chapter.language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(documentTitle)}</title>
<style>
body { font-family: Georgia, 'Times New Roman', serif; max-width: 42rem; margin: 2rem auto; line-height: 1.5; color: #111; }
h1, h2, h3, h4 { font-family: 'Segoe UI', Arial, sans-serif; line-height: 1.25; }
h4 small { font-weight: normal; color: #444; }
@media print { body { margin: 0; } h2, h3, h4 { break-after: avoid; } }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
