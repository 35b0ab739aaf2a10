import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FilterActions, Pagination, SelectFilter } from '~/components/list-controls';
import { requireInstitution } from '~/modules/auth/guards.server';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { EngagementList } from '~/modules/stakeholders/components/engagement-list';
import { countOpenFollowUps, listEngagements } from '~/modules/stakeholders/engagement-queries.server';
import { listStakeholderOptions } from '~/modules/stakeholders/queries.server';
import { CHANNELS, ENGAGEMENT_SORTS, FOLLOW_UP_FILTERS } from '~/modules/stakeholders/schema';
import { today } from '~/utils/dates';
import { parseListParams } from '~/utils/list-params';

const filterSchema = z.object({
  followUp: z.enum(FOLLOW_UP_FILTERS).optional().catch(undefined),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  stakeholderId: z.coerce.number().int().positive().optional().catch(undefined),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, ENGAGEMENT_SORTS, { sort: 'occurredOn', dir: 'desc' });
  const filters = filterSchema.parse({
    followUp: searchParams.get('followUp') || undefined,
    channel: searchParams.get('channel') || undefined,
    stakeholderId: searchParams.get('stakeholderId') || undefined,
  });
  const [page, stakeholders, openFollowUps] = await Promise.all([
    listEngagements(institution.id, filters, list),
    listStakeholderOptions(institution.id),
    countOpenFollowUps(institution.id),
  ]);
  return json({ institution, can, ...page, params: list, filters, stakeholders, openFollowUps, today: today() });
}

export default function EngagementLog() {
  const { t } = useTranslation('stakeholders');
  const { pathname, search } = useLocation();
  const { institution, can, rows, total, params, filters, stakeholders, openFollowUps, today } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('engagements.title')}</h1>
          <p className="subtitle">{t('engagements.intro')}</p>
        </div>
        <div className="page-actions">
          <Link className="button button-secondary" to={`?followUp=open`}>{t('engagements.openFollowUps', { count: openFollowUps })}</Link>
          {can.write ? <Link className="button" to={`${base}/engagements/new`}>{t('engagements.record')}</Link> : null}
        </div>
      </div>
      <AreaNav institutionId={institution.id} />
      <Form method="get" className="filters" role="search" aria-label={t('engagements.filters')}>
        <div className="field">
          <label htmlFor="engagement-q">{t('engagements.search')}</label>
          <input id="engagement-q" type="search" name="q" defaultValue={params.q ?? ''} />
        </div>
        <SelectFilter id="engagement-stakeholder" name="stakeholderId" label={t('fields.stakeholder')} value={filters.stakeholderId} any={t('register.all')}
          options={stakeholders.map((s) => ({ value: s.id, label: s.name }))} />
        <SelectFilter id="engagement-channel" name="channel" label={t('fields.channel')} value={filters.channel} any={t('register.all')}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))} />
        <SelectFilter id="engagement-follow-up" name="followUp" label={t('engagements.followUp')} value={filters.followUp} any={t('register.all')}
          options={FOLLOW_UP_FILTERS.map((f) => ({ value: f, label: t(`engagements.followUpFilters.${f}`) }))} />
        <SelectFilter id="engagement-dir" name="dir" label={t('engagements.order')} value={params.dir}
          options={[{ value: 'desc', label: t('engagements.newestFirst') }, { value: 'asc', label: t('engagements.oldestFirst') }]} />
        <FilterActions />
      </Form>
      <p className="muted">{t('engagements.caption', { count: total })}</p>
      <EngagementList institutionId={institution.id} items={rows} canWrite={can.write} back={`${pathname}${search}`} today={today} />
      <Pagination page={params.page} perPage={params.perPage} total={total} />
    </>
  );
}
