import type { LoaderFunctionArgs } from '@remix-run/node';
import { getFixedT } from '~/i18n/i18next.server';
import { findFeedOwner } from '~/modules/obligations/calendar-feed.server';
import { feedStamp, keptFeed, keptFeedResponse } from '~/modules/obligations/feed-cache.server';
import { momentsCalendar } from '~/modules/obligations/ics.server';
import { feedScopeOf, listFeedMoments } from '~/modules/obligations/queries.server';
import { today } from '~/utils/dates';
import { notFound } from '~/utils/errors';

/**
 * The personal calendar feed: public (calendar apps carry no session), opened by a secret token
 * whose hash is stored. It shows the moments of the institutions the owner is a member of now —
 * a membership ended yesterday is gone from today's feed; administrators see every institution.
 * Built only when something it shows may have changed (feed-cache.server.ts); polls in between get
 * the kept copy, or a 304 when the client sends its ETag.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const owner = await findFeedOwner(params.token);
  if (!owner) throw notFound();
  const scope = await feedScopeOf(owner);
  const day = today();
  const locale = owner.locale === 'en' ? 'en' : 'nl';
  const key = `${owner.id}|${locale}|${day}|${scope === 'all' ? 'all' : scope.join(',')}`;
  const feed = await keptFeed(key, await feedStamp(scope), async () => {
    const moments = await listFeedMoments({ institutionIds: scope }, day);
    const t = await getFixedT(locale, ['calendar', 'obligations', 'common']);
    return momentsCalendar(moments, { name: t('calendar:ics.personalCalendar'), t, locale });
  });
  return keptFeedResponse(request, feed, 'horizon.ics');
}
