import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/form';
import type { FormValues } from '~/utils/forms';

export type Match = { id: number; label: string; detail: string | null; active: boolean; reasons: string[] };

/**
 * Likely duplicates found before a create, each with why it matches. "Use this one" goes to the
 * existing record (or continues with it, when the form was on its way to somewhere); "create anyway"
 * sends the same values again with the decision, which the audit trail records.
 */
export function DuplicateMatches({
  matches, values, existingHref,
}: {
  matches: Match[];
  values: FormValues;
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
      <Form method="post" className="form-actions">
        {Object.entries(values).flatMap(([name, value]) =>
          (Array.isArray(value) ? value : [value]).map((v, index) => <input key={`${name}-${index}`} type="hidden" name={name} value={v} />),
        )}
        <input type="hidden" name="createAnyway" value="on" />
        <SubmitButton className="button-secondary">{t('duplicates.createAnyway')}</SubmitButton>
        <span className="muted">{t('duplicates.createAnywayHint')}</span>
      </Form>
    </section>
  );
}
