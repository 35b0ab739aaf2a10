import { useFetcher } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError } from '~/components/form';

/** What /calendar-feed's action answers: the new URL once, or that the feed was switched off. */
export type CalendarFeedResult = { url?: string; revoked?: boolean; formError?: string };

/**
 * The personal calendar feed on /account: make (or remake) the secret URL, or switch the feed off.
 * The URL can be shown only right after it is made (only its hash is stored). Posts to
 * /calendar-feed; with JavaScript it stays on the page, without it that route shows the result.
 */
export function CalendarFeed({ hasFeed, result }: { hasFeed: boolean; result?: CalendarFeedResult }) {
  const { t } = useTranslation('calendar');
  const fetcher = useFetcher<CalendarFeedResult>();
  const outcome = fetcher.data ?? result;
  const active = outcome?.url ? true : outcome?.revoked ? false : hasFeed;
  const busy = fetcher.state !== 'idle';
  return (
    <section className="card stack" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">{t('feed.title')}</h2>
      <p>{t('feed.explained')}</p>
      <FormError message={outcome?.formError} />
      {outcome?.url ? (
        <div className="notice notice-ok" role="status">
          <p>{t('feed.created')}</p>
          <label className="label" htmlFor="calendar-feed-url">{t('feed.url')}</label>
          <input id="calendar-feed-url" type="text" readOnly value={outcome.url} className="feed-url" onFocus={(e) => e.currentTarget.select()} />
          <p className="muted">{t('feed.copyOnce')}</p>
        </div>
      ) : (
        <p className="muted" role="status">{active ? t('feed.active') : t('feed.none')}</p>
      )}
      {outcome?.revoked ? <p className="muted">{t('feed.revoked')}</p> : null}
      <fetcher.Form method="post" action="/calendar-feed" className="form-actions">
        <button type="submit" name="intent" value="regenerate" disabled={busy}>
          {active ? t('feed.regenerate') : t('feed.create')}
        </button>
        {active ? (
          <button type="submit" name="intent" value="revoke" className="button-secondary" disabled={busy}>{t('feed.revoke')}</button>
        ) : null}
      </fetcher.Form>
      {active ? <p className="hint muted">{t('feed.regenerateWarning')}</p> : null}
    </section>
  );
}
