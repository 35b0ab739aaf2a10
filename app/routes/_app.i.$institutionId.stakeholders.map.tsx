import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FilterActions, SelectFilter } from '~/components/list-controls';
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
        <SelectFilter id="map-category" name="category" label={t('fields.category')} value={category} any={t('register.all')}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))} />
        <FilterActions />
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
