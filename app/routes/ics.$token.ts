import type { LoaderFunctionArgs } from '@remix-run/node';
import { getFixedT } from '~/i18n/i18next.server';
import { findFeedOwner } from '~/modules/obligations/calendar-feed.server';
import { icsResponse, momentsCalendar } from '~/modules/obligations/ics.server';
import { feedScopeOf, listFeedMoments } from '~/modules/obligations/queries.server';
import { today } from '~/utils/dates';
import { notFound } from '~/utils/errors';

/**
 * The personal calendar feed: public (calendar apps carry no session), opened by a secret token
 * whose hash is stored. It shows the moments of the institutions the owner is a member of now —
 * a membership ended yesterday is gone from today's feed; administrators see every institution.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const owner = await findFeedOwner(params.token);
  if (!owner) throw notFound();
  const moments = await listFeedMoments({ institutionIds: await feedScopeOf(owner) }, today());
  const locale = owner.locale === 'en' ? 'en' : 'nl';
  const t = await getFixedT(locale, ['calendar', 'obligations', 'common']);
  return icsResponse(momentsCalendar(moments, { name: t('calendar:ics.personalCalendar'), t, locale }), 'horizon.ics', 'inline');
}
