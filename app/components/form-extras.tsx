import { useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors, FormValues } from '~/utils/forms';

/** A checkbox with its label and error; checked means the form sends `on`. */
export function CheckboxField({
  name, label, hint, defaultChecked, state,
}: { name: string; label: ReactNode; hint?: ReactNode; defaultChecked?: boolean; state?: { errors: FieldErrors; values: FormValues } }) {
  const { t } = useTranslation();
  const id = `checkbox-${name}`;
  const error = state?.errors[name];
  const typed = state?.values && Object.keys(state.values).length > 0 ? state.values[name] === 'on' : undefined;
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={typed ?? defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        />
        <span>{label}</span>
      </label>
      {hint ? <span className="hint" id={`${id}-hint`}>{hint}</span> : null}
      {error ? <span className="error" id={`${id}-error`}>{t(error)}</span> : null}
    </div>
  );
}

/**
 * The submit button of one form among several on a page. The form names its purpose in a hidden
 * `intent` field; the button says it is working only while that form (and that row, via `match`)
 * is on its way.
 */
export function IntentButton({
  intent, match, children, pendingLabel, className,
}: { intent: string; match?: Record<string, string>; children: ReactNode; pendingLabel?: ReactNode; className?: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const data = navigation.state === 'submitting' ? navigation.formData : undefined;
  const pending = Boolean(data && data.get('intent') === intent && Object.entries(match ?? {}).every(([k, v]) => data.get(k) === v));
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={className} disabled={pending} aria-disabled={pending || undefined}>
        {pending ? (pendingLabel ?? t('actions.working')) : children}
      </button>
    </>
  );
}

/** The state of the last submission, but only for the form it came from (same intent, same row). */
export function stateFor(
  state: { errors: FieldErrors; values: FormValues; formError?: string },
  intent: string,
  match: Record<string, string> = {},
) {
  const own = state.values.intent === intent && Object.entries(match).every(([k, v]) => state.values[k] === v);
  return own ? state : { errors: {}, values: {}, formError: undefined };
}
