import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton } from '~/components/form';
import { CheckboxField } from '~/components/form-extras';
import type { FieldErrors, FormValues } from '~/utils/forms';

type Option = { id: number; label: string; detail: string | null };
type Preview = {
  source: { id: number; label: string };
  survivor: { id: number; label: string };
  positions: number;
  householdMemberships: number;
  engagementParticipations: number;
  stakeholder: 'none' | 'moves' | 'folds';
  folded: Record<string, number> | null;
  privacyRecords: number;
  filledFields: Record<string, string>;
};

/**
 * The merge, in two steps on one page: choose the record that stays (likely duplicates first,
 * or search), then read what moves and confirm. Nothing is written before the confirmation.
 */
export function MergeView({
  kind, base, source, likely, candidates, q, preview, previewError, state,
}: {
  kind: 'person' | 'organisation';
  /** The directory path of this kind, e.g. /i/1/parties/persons */
  base: string;
  source: { id: number; label: string };
  likely: Option[];
  candidates: Option[];
  q: string;
  preview: Preview | null;
  previewError: string | null;
  state: { errors: FieldErrors; values: FormValues; formError?: string };
}) {
  const { t } = useTranslation('parties');
  const choose = (option: Option) => (
    <li key={option.id}>
      <span>
        <strong>{option.label}</strong>
        {option.detail ? <div className="muted">{option.detail}</div> : null}
      </span>
      <Link className="button button-small button-secondary" to={`?survivorId=${option.id}`}>{t('merge.choose')}</Link>
    </li>
  );
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={`${base}/${source.id}`}>{source.label}</Link></p>
      <h1>{t('merge.title', { name: source.label })}</h1>
      <p className="subtitle">{t(`merge.intro.${kind}`)}</p>

      {preview ? (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('merge.previewTitle')}</h2>
          <p>{t('merge.previewIntro', { source: preview.source.label, survivor: preview.survivor.label })}</p>
          <ul className="merge-moves">
            <li>{t('merge.moves.positions', { count: preview.positions })}</li>
            {kind === 'person' ? <li>{t('merge.moves.householdMemberships', { count: preview.householdMemberships })}</li> : null}
            {kind === 'person' ? <li>{t('merge.moves.engagementParticipations', { count: preview.engagementParticipations })}</li> : null}
            {kind === 'person' ? <li>{t('merge.moves.privacyRecords', { count: preview.privacyRecords })}</li> : null}
            <li>{t(`merge.stakeholder.${preview.stakeholder}`)}</li>
            {preview.folded ? (
              <li>
                {t('merge.folded', preview.folded)}
              </li>
            ) : null}
            {Object.keys(preview.filledFields).length ? (
              <li>
                {t('merge.filled')}
                <ul>
                  {Object.entries(preview.filledFields).map(([field, value]) => <li key={field}>{t(`fields.${field}`)}: {value}</li>)}
                </ul>
              </li>
            ) : null}
            <li>{t('merge.afterwards', { source: preview.source.label })}</li>
          </ul>
          <Form method="post" className="stack" noValidate>
            <FormError message={state.formError} />
            <input type="hidden" name="survivorId" value={preview.survivor.id} />
            <CheckboxField name="confirm" label={t('merge.confirm', { source: preview.source.label, survivor: preview.survivor.label })} state={state} />
            {state.errors.survivorId ? <p className="error" role="alert">{t(state.errors.survivorId)}</p> : null}
            <div className="form-actions">
              <SubmitButton className="button-danger" pendingLabel={t('merge.merging')}>{t('merge.submit')}</SubmitButton>
              <Link to="?">{t('merge.chooseOther')}</Link>
            </div>
          </Form>
        </section>
      ) : (
        <>
          {previewError ? <div className="notice notice-danger" role="alert">{t(previewError)}</div> : null}
          <section className="card" aria-labelledby="likely-heading">
            <h2 id="likely-heading">{t('merge.likelyTitle')}</h2>
            {likely.length === 0 ? <p className="empty">{t('merge.noLikely')}</p> : <ul className="list">{likely.map(choose)}</ul>}
          </section>
          <section className="card" aria-labelledby="search-heading">
            <h2 id="search-heading">{t('merge.searchTitle')}</h2>
            <Form method="get" className="filters" role="search">
              <div className="field">
                <label htmlFor="merge-q">{t('merge.search')}</label>
                <input id="merge-q" type="search" name="q" defaultValue={q} />
              </div>
              <button type="submit">{t('common:actions.search')}</button>
            </Form>
            {q ? (candidates.length === 0 ? <p className="empty">{t('merge.noCandidates')}</p> : <ul className="list">{candidates.map(choose)}</ul>) : null}
          </section>
        </>
      )}
    </div>
  );
}
