import { Link, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export type Match = { id: number; label: string; detail: string | null; active: boolean; reasons: string[] };

/**
 * Likely duplicates found before a create, each with why it matches. "Use this one" goes to the
 * existing record (or continues with it, when the form was on its way to somewhere); the form below
 * then offers "create anyway" (`CreateAnywayButton`), which the audit trail records.
 */
export function DuplicateMatches({
  matches, existingHref,
}: {
  matches: Match[];
  /** Where "use this one" leads for a match. */
  existingHref: (id: number) => string;
}) {
  const { t } = useTranslation('parties');
  return (
    <section className="card notice-warn duplicates" aria-labelledby="duplicates-heading" role="alert">
      <h2 id="duplicates-heading">{t('duplicates.title', { count: matches.length })}</h2>
      <p>{t('duplicates.intro')}</p>
      <ul className="list">
        {matches.map((match) => (
          <li key={match.id}>
            <span>
              <strong>{match.label}</strong>
              {match.active ? null : <> <span className="badge badge-muted">{t('status.inactive')}</span></>}
              {match.detail ? <div className="muted">{match.detail}</div> : null}
              <div>
                {t('duplicates.because')}{' '}
                {match.reasons.map((reason) => <span key={reason} className="badge badge-warn reason">{t(`duplicates.reasons.${reason}`)}</span>)}
              </div>
            </span>
            <Link className="button button-small" to={existingHref(match.id)}>{t('duplicates.useExisting')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Submits the form as it stands now, with the decision to create despite the matches shown. */
export function CreateAnywayButton() {
  const { t } = useTranslation('parties');
  const navigation = useNavigation();
  const pending = navigation.state === 'submitting' && navigation.formData?.get('createAnyway') === 'on';
  return (
    <>
      <button type="submit" name="createAnyway" value="on" className="button-secondary" disabled={pending}>
        {pending ? t('common:actions.working') : t('duplicates.createAnyway')}
      </button>
      <span className="muted">{t('duplicates.createAnywayHint')}</span>
    </>
  );
}
