import type { LoaderFunctionArgs } from '@remix-run/node';
import { getFixedT, getLocale } from '~/i18n/i18next.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { icsResponse, momentsCalendar } from '~/modules/obligations/ics.server';
import { recordMomentsExport } from '~/modules/obligations/mutations.server';
import { listFeedMoments } from '~/modules/obligations/queries.server';
import { today } from '~/utils/dates';

// The institution's reporting calendar as one .ics file, for whoever may see the calendar page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params);
  const moments = await listFeedMoments({ institutionId: institution.id }, today());
  const locale = (await getLocale(request)) === 'en' ? 'en' : 'nl';
  const t = await getFixedT(request, ['calendar', 'obligations', 'common']);
  await recordMomentsExport(actor, { institutionId: institution.id, format: 'ics', rows: moments.length, filters: {} });
  const body = momentsCalendar(moments, { name: t('calendar:ics.institutionCalendar', { institution: institution.name }), t, locale });
  return icsResponse(body, `horizon-${institution.id}.ics`, 'attachment');
}
