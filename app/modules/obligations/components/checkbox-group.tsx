import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors, FormValues } from '~/utils/forms';

/** Whether `value` is among the submitted values of `name` (after a refused submit), else among the defaults. */
export function isChecked(values: FormValues, name: string, value: number, defaults: readonly number[]): boolean {
  if (Object.keys(values).length === 0) return defaults.includes(value);
  const typed = values[name];
  const list = typed === undefined ? [] : Array.isArray(typed) ? typed : [typed];
  return list.includes(String(value));
}

/**
 * A group of checkboxes sending `name` once per ticked box: stakeholders of an agreement,
 * provisions of an obligation. A fieldset with a legend, so the group is announced as one question.
 */
export function CheckboxGroup({
  name, legend, hint, options, defaults, state, empty, scroll = true,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: { id: number; label: ReactNode }[];
  defaults: readonly number[];
  state: { errors: FieldErrors; values: FormValues };
  empty?: ReactNode;
  scroll?: boolean;
}) {
  const { t } = useTranslation();
  const error = state.errors[name];
  const hintId = `${name}-group-hint`;
  const errorId = `${name}-group-error`;
  return (
    <fieldset className="field" aria-describedby={[hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined}>
      <legend>{legend}</legend>
      {hint ? <span className="hint" id={hintId}>{hint}</span> : null}
      {options.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className={scroll ? 'checkbox-list' : undefined}>
          {options.map((option) => (
            <label key={option.id} className="checkbox">
              <input type="checkbox" name={name} value={option.id} defaultChecked={isChecked(state.values, name, option.id, defaults)} />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      )}
      {error ? <span className="error" id={errorId}>{t(error)}</span> : null}
    </fieldset>
  );
}
