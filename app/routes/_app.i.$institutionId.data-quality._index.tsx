import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireInstitution } from '~/modules/auth/guards.server';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { completenessScore, monthsFrom, QUALITY_CHECKS, TREND_MONTHS, VERIFIED_MONTHS, type QualitySection } from '~/modules/quality/checks';
import { CompletenessTrend } from '~/modules/quality/components/completeness-trend';
import { takeQualitySnapshot } from '~/modules/quality/mutations.server';
import { countQuality, listQualityTrend } from '~/modules/quality/queries.server';
import { useDays } from '~/modules/stakeholders/components/labels';

// The report reads the register only: every member may see it; the fixes behind it keep their own guards.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const months = monthsFrom(new URL(request.url).searchParams);
  // The month's first view takes its snapshot when the monthly script has not: the trend has no
  // gaps for months someone looked. Taken by the system, not by whoever happened to look.
  await takeQualitySnapshot(SYSTEM_ACTOR, institution.id);
  const [counts, trend] = await Promise.all([countQuality(institution.id, { months }), listQualityTrend(institution.id, TREND_MONTHS)]);
  return json({ institution, can, months, counts, trend });
}

export default function DataQuality() {
  const { t } = useTranslation('quality');
  const { day } = useDays();
  const { institution, can, months, counts, trend } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}/data-quality`;
  const share = completenessScore(counts.personsComplete, counts.personsTotal);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="subtitle">{t('intro')}</p>
        </div>
        {can.write ? <div className="page-actions"><Link className="button button-secondary" to={`/i/${institution.id}/imports`}>{t('importContacts')}</Link></div> : null}
      </div>
      <Form method="get" className="filters" aria-label={t('filter')}>
        <div className="field">
          <label htmlFor="quality-months">{t('months')}</label>
          <select id="quality-months" name="months" defaultValue={String(months)}>
            {VERIFIED_MONTHS.map((m) => <option key={m} value={m}>{t('monthsOption', { count: m })}</option>)}
          </select>
        </div>
        <div className="form-actions"><button type="submit">{t('common:actions.filter')}</button></div>
      </Form>
      <div className="stats">
        <div className="stat">
          <div className="stat-value">{share === null ? t('common:none') : `${share}%`}</div>
          <div className="stat-label">{t('completeness', { complete: counts.personsComplete, total: counts.personsTotal })}</div>
        </div>
      </div>
      <p className="muted">{t('completenessHint', { day: day(counts.cutoff) })}</p>
      <CompletenessTrend rows={trend} />
      <div className="grid grid-2">
        {(Object.keys(QUALITY_CHECKS) as QualitySection[]).map((section) => (
          <section key={section} className="card" aria-labelledby={`quality-${section}`}>
            <h2 id={`quality-${section}`}>{t(`sections.${section}`)}</h2>
            <ul className="list count-list">
              {QUALITY_CHECKS[section].map((check) => (
                <li key={check}>
                  <span>
                    {t(`checks.${check}.label`, { count: months })}
                    <div className="muted">{t(`checks.${check}.hint`)}</div>
                  </span>
                  <Link
                    className="count-link"
                    to={`${base}/${check}?months=${months}`}
                    aria-label={t('open', { label: t(`checks.${check}.label`, { count: months }), count: counts[check] })}
                  >
                    {counts[check]}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
