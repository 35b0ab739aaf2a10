import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Field, FormError, SelectField, SubmitButton, TextAreaField, TextField } from '~/components/form';
import { formatDay } from '~/utils/dates';
import type { FieldErrors, FormValues } from '~/utils/forms';
import { OBLIGATION_FORMS, RECURRENCE_KINDS, REPORTS_ON, type ObligationPreset, type Recurrence } from '../rules';
import type { Option, ProvisionGroup } from '../views';
import { CheckboxGroup } from './checkbox-group';
import { useDateLocale } from './moment-status';

/** What the form starts with: a stored obligation, a preset, or nothing. Numbers as the fields show them. */
export type ObligationFormDefaults = {
  title?: string;
  description?: string | null;
  stakeholderIds: number[];
  forum?: string | null;
  form?: string;
  basis?: string | null;
  provisionIds: number[];
  responsibleUserId?: number | null;
  leadTimeDays?: number;
  recurrence?: Recurrence;
  startsOn?: string;
  endsOn?: string | null;
  reportsOn?: string;
  agreementId?: number | null;
  version?: number;
};

/** The form's starting values for a stored obligation. */
export function storedDefaults(o: {
  title: string; description: string | null; stakeholders: { id: number }[]; forum: string | null; form: string; basis: string | null;
  provisions: { id: number }[]; responsibleUserId: number | null; leadTimeDays: number; recurrence: Recurrence; startsOn: string;
  endsOn: string | null; reportsOn: string; agreement: { id: number } | null; version: number;
}): ObligationFormDefaults {
  return {
    ...o,
    stakeholderIds: o.stakeholders.map((s) => s.id),
    provisionIds: o.provisions.map((p) => p.id),
    agreementId: o.agreement?.id ?? null,
  };
}

type AgreementOption = { id: number; title: string; startsOn: string; endsOn: string | null };

/** The named forums the form suggests (a datalist: anything else may be typed). */
const FORUM_SUGGESTIONS = ['supervisory-board', 'duo', 'autoriteit-woningcorporaties', 'igj', 'cibg', 'works-council', 'participation-council', 'public'] as const;

/** Prefill from a preset: its title and recipients in the page's language, its recurrence and lead time. */
export function presetDefaults(preset: ObligationPreset, t: (key: string) => string, startsOn: string): ObligationFormDefaults {
  return {
    title: t(`obligations:presets.${preset.key}`),
    forum: preset.to.map((slug) => t(`obligations:recipients.${slug}`)).join(', '),
    form: preset.form,
    leadTimeDays: preset.leadTimeDays,
    recurrence: preset.recurrence,
    reportsOn: preset.reportsOn,
    startsOn,
    stakeholderIds: [],
    provisionIds: [],
  };
}

export function ObligationForm({
  defaults, state, stakeholders, members, agreements, provisions, submitLabel, cancelHref,
}: {
  defaults: ObligationFormDefaults;
  state: { errors: FieldErrors; values: FormValues; formError?: string };
  stakeholders: Option[];
  members: Option[];
  agreements: AgreementOption[];
  provisions: ProvisionGroup[];
  submitLabel: string;
  cancelHref: string;
}) {
  const { t, i18n } = useTranslation('obligations');
  const locale = useDateLocale();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const recurrence = defaults.recurrence;
  const interval = recurrence && recurrence.kind !== 'once' ? recurrence.interval : 1;
  const day = recurrence?.kind === 'monthly' ? recurrence.day : recurrence?.kind === 'yearly' ? Number(recurrence.monthDay.slice(3)) : undefined;
  const month = recurrence?.kind === 'yearly' ? Number(recurrence.monthDay.slice(0, 2)) : undefined;
  const term = (a: AgreementOption) =>
    a.endsOn ? t('form.agreementTerm', { from: formatDay(a.startsOn, locale), to: formatDay(a.endsOn, locale) }) : t('form.agreementOpenTerm', { from: formatDay(a.startsOn, locale) });

  return (
    <Form method="post" className="stack" noValidate>
      <FormError message={state.formError} />
      {defaults.version !== undefined ? <input type="hidden" name="version" value={defaults.version} /> : null}

      <section className="card stack" aria-labelledby="obligation-what">
        <h2 id="obligation-what">{t('form.what')}</h2>
        <TextField name="title" label={t('form.title')} defaultValue={defaults.title} required state={state} />
        <div className="form-row">
          <SelectField
            name="form" label={t('form.form')} required state={state} defaultValue={defaults.form ?? 'report'}
            options={OBLIGATION_FORMS.map((f) => ({ value: f, label: t(`forms.${f}`) }))}
          />
          <TextField name="basis" label={t('form.basis')} hint={t('form.basisHint')} defaultValue={defaults.basis} state={state} />
        </div>
        <TextAreaField name="description" label={t('form.description')} defaultValue={defaults.description} rows={3} state={state} />
      </section>

      <section className="card stack" aria-labelledby="obligation-to-whom">
        <h2 id="obligation-to-whom">{t('form.toWhom')}</h2>
        <p className="muted">{t('form.toWhomHint')}</p>
        <CheckboxGroup
          name="stakeholderIds" legend={t('form.stakeholders')} options={stakeholders} defaults={defaults.stakeholderIds} state={state}
          empty={t('form.noStakeholders')}
        />
        <Field name="forum" label={t('form.forum')} hint={t('form.forumHint')} error={state.errors.forum}>
          {(props) => <input {...props} type="text" name="forum" list="forum-suggestions" defaultValue={typeof state.values.forum === 'string' ? state.values.forum : (defaults.forum ?? '')} />}
        </Field>
        <datalist id="forum-suggestions">
          {FORUM_SUGGESTIONS.map((slug) => <option key={slug} value={t(`recipients.${slug}`)} />)}
        </datalist>
      </section>

      <section className="card stack" aria-labelledby="obligation-when">
        <h2 id="obligation-when">{t('form.when')}</h2>
        <div className="form-row">
          <SelectField
            name="recurrenceKind" label={t('form.recurrenceKind')} required state={state} defaultValue={recurrence?.kind ?? 'yearly'}
            options={RECURRENCE_KINDS.map((k) => ({ value: k, label: t(`form.recurrenceKinds.${k}`) }))}
          />
          <TextField name="recurrenceInterval" type="number" min={1} label={t('form.interval')} hint={t('form.intervalHint')} defaultValue={interval} state={state} />
          <TextField name="recurrenceDay" type="number" min={1} max={31} label={t('form.day')} hint={t('form.dayHint')} defaultValue={day} state={state} />
          <SelectField
            name="recurrenceMonth" label={t('form.month')} hint={t('form.monthHint')} state={state} defaultValue={month} emptyLabel={t('form.noMonth')}
            options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t(`form.months.${i + 1}`) }))}
          />
        </div>
        <div className="notice notice-info">
          <p>{t('form.recurrenceExplained')}</p>
          <p>{t('form.day31Explained')}</p>
        </div>
        <div className="form-row">
          <TextField name="startsOn" type="date" label={t('form.startsOn')} hint={t('form.startsOnHint')} defaultValue={defaults.startsOn} required state={state} />
          <TextField name="endsOn" type="date" label={t('form.endsOn')} hint={t('form.endsOnHint')} defaultValue={defaults.endsOn} state={state} />
          <SelectField
            name="reportsOn" label={t('form.reportsOn')} hint={t('form.reportsOnHint')} required state={state} defaultValue={defaults.reportsOn ?? 'previous'}
            options={REPORTS_ON.map((r) => ({ value: r, label: t(`reportsOn.${r}`) }))}
          />
        </div>
      </section>

      <section className="card stack" aria-labelledby="obligation-who">
        <h2 id="obligation-who">{t('form.who')}</h2>
        <div className="form-row">
          <SelectField
            name="responsibleUserId" label={t('form.responsible')} hint={t('form.responsibleHint')} required state={state}
            defaultValue={defaults.responsibleUserId} emptyLabel={t('form.chooseResponsible')}
            options={members.map((m) => ({ value: String(m.id), label: m.label }))}
          />
          <TextField name="leadTimeDays" type="number" min={0} max={366} label={t('form.leadTime')} hint={t('form.leadTimeHint')} defaultValue={defaults.leadTimeDays ?? 30} required state={state} />
        </div>
        <SelectField
          name="agreementId" label={t('form.agreement')} hint={t('form.agreementHint')} state={state} defaultValue={defaults.agreementId}
          emptyLabel={t('form.noAgreement')}
          options={agreements.map((a) => ({ value: String(a.id), label: `${a.title} (${term(a)})` }))}
        />
      </section>

      <section className="card stack" aria-labelledby="obligation-provisions">
        <h2 id="obligation-provisions">{t('form.provisions')}</h2>
        <p className="muted">{t('form.provisionsHint')}</p>
        {provisions.length === 0 ? <p className="empty">{t('form.noProvisions')}</p> : null}
        {provisions.map((group) => (
          <details key={group.codeId} open={group.provisions.some((p) => defaults.provisionIds.includes(p.id)) || undefined}>
            <summary>{group.codeTitle[language]} ({group.codeVersion})</summary>
            <CheckboxGroup
              name="provisionIds" legend={t('form.provisionsOf', { code: group.codeTitle[language] })} state={state} defaults={defaults.provisionIds}
              options={group.provisions.map((p) => ({ id: p.id, label: `${p.number} — ${p.title[language]}` }))}
            />
          </details>
        ))}
        {state.errors.provisionIds ? <span className="error">{t(state.errors.provisionIds)}</span> : null}
      </section>

      <div className="form-actions">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Link to={cancelHref}>{t('common:actions.cancel')}</Link>
      </div>
    </Form>
  );
}
