import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireInstitution } from '~/modules/auth/guards.server';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { MapTable, SalienceMap } from '~/modules/stakeholders/components/charts';
import { listMapPoints } from '~/modules/stakeholders/queries.server';
import { CATEGORIES } from '~/modules/stakeholders/rules';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params);
  const category = z.enum(CATEGORIES).optional().catch(undefined).parse(new URL(request.url).searchParams.get('category') || undefined);
  const points = await listMapPoints(institution.id, { category });
  return json({ institution, category: category ?? null, points });
}

export default function StakeholderMap() {
  const { t } = useTranslation('stakeholders');
  const { pathname } = useLocation();
  const { institution, category, points } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('map.title')}</h1>
          <p className="subtitle">{t('map.intro')}</p>
        </div>
      </div>
      <AreaNav institutionId={institution.id} />
      <Form method="get" className="filters" aria-label={t('map.filter')}>
        <div className="field">
          <label htmlFor="map-category">{t('fields.category')}</label>
          <select id="map-category" name="category" defaultValue={category ?? ''}>
            <option value="">{t('register.all')}</option>
            {CATEGORIES.map((c) => <option key={c} value={c}>{t(`categories.${c}`)}</option>)}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit">{t('common:actions.filter')}</button>
          <Link to={pathname}>{t('common:actions.clearFilters')}</Link>
        </div>
      </Form>
      {points.length === 0 ? <p className="empty">{t('map.none')}</p> : (
        <div className="map-layout">
          <SalienceMap institutionId={institution.id} points={points} caption={t('map.caption', { count: points.length })} />
          <MapTable institutionId={institution.id} points={points} />
        </div>
      )}
    </>
  );
}
