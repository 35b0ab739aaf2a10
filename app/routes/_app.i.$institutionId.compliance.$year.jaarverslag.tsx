import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getFixedT, getLocale } from '~/i18n/i18next.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { ChapterView } from '~/modules/governance/components/chapter';
import { PrintButton } from '~/modules/governance/components/print-button';
import { getChapterInput, getYearState } from '~/modules/governance/queries.server';
import { buildChapter } from '~/modules/governance/report';
import { parseReportLanguage, parseYearParam, REPORT_LANGUAGES } from '~/modules/governance/schema';
import { today } from '~/utils/dates';
import { notFound } from '~/utils/errors';

// The jaarverslag chapter, in Dutch or English whatever the page's language (?lang=).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params);
  const year = parseYearParam(params.year);
  if (year === null || !(await getYearState(institution.id, year))) throw notFound();
  const language = parseReportLanguage(new URL(request.url).searchParams.get('lang'), await getLocale(request));
  const t = await getFixedT(language, ['compliance', 'governance', 'common']);
  const chapter = buildChapter(await getChapterInput(institution, year, today()), t, language);
  return json({ institution, year, language, chapter });
}

export default function ChapterPage() {
  const { t } = useTranslation('compliance');
  const { institution, year, language, chapter } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}/compliance/${year}`;
  return (
    <>
      <p className="breadcrumbs no-print"><Link to={base}>{t('overview.title', { year })}</Link></p>
      <div className="page-header no-print">
        <p className="subtitle">{t('report.pageIntro')}</p>
        <div className="page-actions">
          {REPORT_LANGUAGES.map((lang) => (
            <Link key={lang} className={`button ${lang === language ? '' : 'button-secondary'}`} to={`?lang=${lang}`} aria-current={lang === language ? 'page' : undefined}>
              {t(`report.language.${lang}`)}
            </Link>
          ))}
          <a className="button button-secondary" href={`${base}/jaarverslag.html?lang=${language}`} download>{t('report.download')}</a>
          <PrintButton />
        </div>
      </div>
      <p className="muted no-print">{t('report.printHint')}</p>
      <div className="card chapter-card">
        <ChapterView chapter={chapter} />
      </div>
    </>
  );
}
