import { useActionData, useNavigation } from '@remix-run/react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors, FormValues } from '~/utils/forms';

type FormState = { errors?: FieldErrors; values?: FormValues; formError?: string };

/** What the last submission returned: field messages and the values to put back. */
export function useFormState(): Required<Pick<FormState, 'errors' | 'values'>> & { formError?: string } {
  const data = useActionData() as FormState | undefined;
  return { errors: data?.errors ?? {}, values: data?.values ?? {}, formError: data?.formError };
}

type FieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; required?: boolean }) => ReactNode;
};

/** A label, the control, its hint and its error message, wired together for assistive technology. */
export function Field({ name, label, hint, error, required, children }: FieldProps) {
  const { t } = useTranslation();
  const id = `${useId()}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <span className="hint" id={hintId}>{hint}</span> : null}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, required })}
      {error ? <span className="error" id={errorId}>{t(error)}</span> : null}
    </div>
  );
}

const valueOf = (values: FormValues, name: string, fallback?: string | number | null) => {
  const typed = values[name];
  if (typeof typed === 'string') return typed;
  return fallback === null || fallback === undefined ? '' : String(fallback);
};

type InputProps = {
  name: string;
  label: ReactNode;
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'url' | 'tel' | 'search' | 'month';
  defaultValue?: string | number | null;
  hint?: ReactNode;
  required?: boolean;
  autoComplete?: string;
  placeholder?: string;
  min?: number | string;
  max?: number | string;
  state?: { errors: FieldErrors; values: FormValues };
};

export function TextField({ name, label, type = 'text', defaultValue, hint, required, autoComplete, placeholder, min, max, state }: InputProps) {
  const { errors, values } = state ?? { errors: {}, values: {} };
  return (
    <Field name={name} label={label} hint={hint} error={errors[name]} required={required}>
      {(props) => (
        <input
          {...props}
          name={name}
          type={type}
          defaultValue={type === 'password' ? undefined : valueOf(values, name, defaultValue)}
          autoComplete={autoComplete}
          placeholder={placeholder}
          min={min}
          max={max}
        />
      )}
    </Field>
  );
}

export function TextAreaField({ name, label, defaultValue, hint, required, state, rows }: Omit<InputProps, 'type'> & { rows?: number }) {
  const { errors, values } = state ?? { errors: {}, values: {} };
  return (
    <Field name={name} label={label} hint={hint} error={errors[name]} required={required}>
      {(props) => <textarea {...props} name={name} rows={rows} defaultValue={valueOf(values, name, defaultValue)} />}
    </Field>
  );
}

export function SelectField({
  name, label, options, defaultValue, hint, required, state, emptyLabel,
}: Omit<InputProps, 'type'> & { options: { value: string; label: string }[]; emptyLabel?: string }) {
  const { errors, values } = state ?? { errors: {}, values: {} };
  return (
    <Field name={name} label={label} hint={hint} error={errors[name]} required={required}>
      {(props) => (
        <select {...props} name={name} defaultValue={valueOf(values, name, defaultValue)}>
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A submit button that says it is working while its form is on its way. */
export function SubmitButton({
  children, pendingLabel, intent, className,
}: { children: ReactNode; pendingLabel?: ReactNode; intent?: string; className?: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const pending =
    navigation.state === 'submitting' && (intent === undefined || navigation.formData?.get('intent') === intent);
  return (
    <button type="submit" className={className} name={intent ? 'intent' : undefined} value={intent} disabled={pending} aria-disabled={pending || undefined}>
      {pending ? (pendingLabel ?? t('actions.working')) : children}
    </button>
  );
}

/** The form-level message (not tied to one field), announced when it appears. */
export function FormError({ message }: { message?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return <div className="form-error" role="alert">{t(message)}</div>;
}
