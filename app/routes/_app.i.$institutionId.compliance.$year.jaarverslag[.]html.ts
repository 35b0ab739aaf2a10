import type { LoaderFunctionArgs } from '@remix-run/node';
import { getFixedT, getLocale } from '~/i18n/i18next.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { recordComplianceExport } from '~/modules/governance/mutations.server';
import { getChapterInput, getYearState } from '~/modules/governance/queries.server';
import { buildChapter, chapterHtml } from '~/modules/governance/report';
import { parseReportLanguage, parseYearParam } from '~/modules/governance/schema';
import { today } from '~/utils/dates';
import { notFound } from '~/utils/errors';

// The chapter as a standalone HTML file: the same text as the page, to paste into the jaarverslag.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params);
  const year = parseYearParam(params.year);
  if (year === null || !(await getYearState(institution.id, year))) throw notFound();
  const language = parseReportLanguage(new URL(request.url).searchParams.get('lang'), await getLocale(request));
  const t = await getFixedT(language, ['compliance', 'governance', 'common']);
  const input = await getChapterInput(institution, year, today());
  const chapter = buildChapter(input, t, language);
  await recordComplianceExport(actor, { institutionId: institution.id, year, format: 'html', rows: input.codes.reduce((n, c) => n + c.statements.length, 0), filters: { language } });
  const html = chapterHtml(chapter, t('compliance:report.documentTitle', { institution: institution.name, year }));
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Disposition': `attachment; filename="${t('compliance:report.fileName', { year }).replace(/[^\w.-]/g, '-')}-${language}.html"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
