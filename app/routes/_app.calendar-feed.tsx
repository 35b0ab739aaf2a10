import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/modules/auth/guards.server';
import { hasCalendarFeed, regenerateCalendarFeed, revokeCalendarFeed } from '~/modules/obligations/calendar-feed.server';
import { CalendarFeed, type CalendarFeedResult } from '~/modules/obligations/components/calendar-feed';

// The signed-in user's own feed only: there is no user id in the URL to tamper with.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  return json({ hasFeed: await hasCalendarFeed(user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireUser(request);
  const intent = (await request.formData()).get('intent');
  if (intent === 'regenerate') return json<CalendarFeedResult>(await regenerateCalendarFeed(actor, user.id));
  if (intent === 'revoke') {
    await revokeCalendarFeed(actor, user.id);
    return json<CalendarFeedResult>({ revoked: true });
  }
  return json<CalendarFeedResult>({ formError: 'calendar:feed.unknownIntent' }, { status: 400 });
}

/** Without JavaScript the account page's feed form lands here and shows its result. */
export default function CalendarFeedPage() {
  const { t } = useTranslation('calendar');
  const { hasFeed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to="/account">{t('common:nav.account')}</Link></p>
      <h1>{t('feed.pageTitle')}</h1>
      <CalendarFeed hasFeed={hasFeed} result={result} />
    </div>
  );
}
