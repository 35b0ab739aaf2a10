import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, TextAreaField } from '~/components/form';
import type { FieldErrors, FormValues } from '~/utils/forms';
import { EXPLANATION_PROMPTS, effectiveRegime, STATEMENT_STATUSES, type Regime, type StatementStatus } from '../rules';

type State = { errors: FieldErrors; values: FormValues; formError?: string };

/**
 * The statement form: a status and an explanation, guided by the four prompts of a good
 * explanation. Plain HTML: it works without JavaScript; the server says what is required.
 */
export function StatementForm({
  statement, regime, state,
}: { statement: { status: StatementStatus; explanation: string | null; version: number }; regime: Regime; state: State }) {
  const { t } = useTranslation('compliance');
  const typedStatus = typeof state.values.status === 'string' ? state.values.status : statement.status;
  const applyAndExplain = effectiveRegime(regime) === 'apply-and-explain';
  const statusError = state.errors.status;
  return (
    <Form method="post" className="stack statement-form">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="version" value={statement.version} />
      <FormError message={state.formError} />
      <fieldset aria-describedby={statusError ? 'status-error' : undefined}>
        <legend className="label">{t('statement.statusLegend')}</legend>
        <div className="status-options">
          {STATEMENT_STATUSES.map((status) => (
            <label key={status} className="checkbox">
              <input type="radio" name="status" value={status} defaultChecked={typedStatus === status} />
              <span>
                <strong>{t(`status.${status}`)}</strong>
                <span className="hint"> {t(`statusHint.${status}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {statusError ? <span className="error" id="status-error">{t(statusError)}</span> : null}
      </fieldset>
      <div className="explanation-guide">
        <p className="label" id="explanation-guide-title">{t('statement.guideTitle')}</p>
        <ol aria-labelledby="explanation-guide-title">
          {EXPLANATION_PROMPTS.map((prompt) => <li key={prompt}>{t(`prompts.${prompt}`)}</li>)}
        </ol>
      </div>
      <TextAreaField
        name="explanation"
        label={t('statement.explanation')}
        hint={applyAndExplain ? t('statement.requiredApplyAndExplain') : t('statement.requiredDeviations')}
        defaultValue={statement.explanation}
        rows={10}
        state={state}
      />
      <div className="form-actions">
        <SubmitButton pendingLabel={t('common:actions.saving')}>{t('statement.save')}</SubmitButton>
      </div>
    </Form>
  );
}
