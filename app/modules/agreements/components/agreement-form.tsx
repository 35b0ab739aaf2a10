import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SelectField, SubmitButton, TextAreaField, TextField } from '~/components/form';
import { CheckboxGroup } from '~/modules/obligations/components/checkbox-group';
import type { Option } from '~/modules/obligations/views';
import type { FieldErrors, FormValues } from '~/utils/forms';
import { AGREEMENT_DIRECTIONS, AGREEMENT_KINDS, type AgreementStatus } from '../rules';

export type AgreementFormDefaults = {
  title?: string;
  kind?: string;
  direction?: string;
  goals?: string | null;
  startsOn?: string;
  endsOn?: string | null;
  reviewOn?: string | null;
  ownerUserId?: number | null;
  stakeholderIds: number[];
  version?: number;
};

export function AgreementForm({
  defaults, state, stakeholders, members, submitLabel, cancelHref, stakeholdersHref,
}: {
  defaults: AgreementFormDefaults;
  state: { errors: FieldErrors; values: FormValues; formError?: string };
  stakeholders: (Option & { status: string })[];
  members: Option[];
  submitLabel: string;
  cancelHref: string;
  stakeholdersHref: string;
}) {
  const { t } = useTranslation('agreements');
  return (
    <Form method="post" className="stack" noValidate>
      <FormError message={state.formError} />
      {defaults.version !== undefined ? <input type="hidden" name="version" value={defaults.version} /> : null}
      <section className="card stack" aria-labelledby="agreement-what">
        <h2 id="agreement-what">{t('form.what')}</h2>
        <TextField name="title" label={t('form.title')} defaultValue={defaults.title} required state={state} />
        <div className="form-row">
          <SelectField
            name="kind" label={t('form.kind')} required state={state} defaultValue={defaults.kind ?? 'performance-agreement'}
            options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
          <SelectField
            name="direction" label={t('form.direction')} hint={t('form.directionHint')} required state={state} defaultValue={defaults.direction ?? 'mutual'}
            options={AGREEMENT_DIRECTIONS.map((d) => ({ value: d, label: t(`directions.${d}`) }))}
          />
        </div>
        <TextAreaField name="goals" label={t('form.goals')} hint={t('form.goalsHint')} defaultValue={defaults.goals} rows={4} state={state} />
      </section>

      <section className="card stack" aria-labelledby="agreement-parties">
        <h2 id="agreement-parties">{t('form.parties')}</h2>
        <CheckboxGroup
          name="stakeholderIds" legend={t('form.stakeholders')} hint={t('form.stakeholdersHint')} state={state} defaults={defaults.stakeholderIds}
          options={stakeholders.map((s) => ({ id: s.id, label: s.status === 'active' ? s.label : `${s.label} (${t(`stakeholderStatus.${s.status}`, { defaultValue: s.status })})` }))}
          empty={<>{t('form.noStakeholders')} <Link to={stakeholdersHref}>{t('form.toRegister')}</Link></>}
        />
      </section>

      <section className="card stack" aria-labelledby="agreement-when">
        <h2 id="agreement-when">{t('form.when')}</h2>
        <div className="form-row">
          <TextField name="startsOn" type="date" label={t('form.startsOn')} defaultValue={defaults.startsOn} required state={state} />
          <TextField name="endsOn" type="date" label={t('form.endsOn')} hint={t('form.endsOnHint')} defaultValue={defaults.endsOn} state={state} />
          <TextField name="reviewOn" type="date" label={t('form.reviewOn')} hint={t('form.reviewOnHint')} defaultValue={defaults.reviewOn} state={state} />
        </div>
        <SelectField
          name="ownerUserId" label={t('form.owner')} hint={t('form.ownerHint')} state={state} defaultValue={defaults.ownerUserId}
          emptyLabel={t('form.noOwner')} options={members.map((m) => ({ value: String(m.id), label: m.label }))}
        />
      </section>

      <div className="form-actions">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Link to={cancelHref}>{t('common:actions.cancel')}</Link>
      </div>
    </Form>
  );
}

const STATUS_BADGE: Record<AgreementStatus, string> = {
  draft: 'badge-muted', active: 'badge-info', fulfilled: 'badge-ok', terminated: 'badge-danger', expired: 'badge-warn',
};

export function AgreementStatusBadge({ status }: { status: AgreementStatus }) {
  const { t } = useTranslation('agreements');
  return <span className={`badge ${STATUS_BADGE[status]}`}>{t(`statuses.${status}`)}</span>;
}
