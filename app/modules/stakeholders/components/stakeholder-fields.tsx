import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '~/components/form';
import type { FieldErrors, FormValues } from '~/utils/forms';
import { CATEGORIES, STAKEHOLDER_STATUSES, TIERS } from '../rules';

type State = { errors: FieldErrors; values: FormValues };

/** Category, tier with its one-line rationale, relationship owner, status and description. */
export function StakeholderFields({
  stakeholder, owners, state,
}: {
  stakeholder?: { category: string; tier: string; tierRationale: string | null; ownerUserId: number | null; status: string; description: string | null };
  owners: { id: number; name: string }[];
  state: State;
}) {
  const { t } = useTranslation('stakeholders');
  return (
    <>
      <div className="form-row">
        <SelectField name="category" label={t('fields.category')} defaultValue={stakeholder?.category} required emptyLabel={t('form.chooseCategory')}
          options={CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }))} state={state} />
        <SelectField name="status" label={t('fields.status')} defaultValue={stakeholder?.status ?? 'active'}
          options={STAKEHOLDER_STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) }))} state={state} />
      </div>
      <div className="form-row">
        <SelectField name="tier" label={t('fields.tier')} defaultValue={stakeholder?.tier} required emptyLabel={t('form.chooseTier')} hint={t('hints.tier')}
          options={TIERS.map((value) => ({ value, label: t(`tiers.${value}`) }))} state={state} />
        <TextField name="tierRationale" label={t('fields.tierRationale')} defaultValue={stakeholder?.tierRationale} hint={t('hints.tierRationale')} state={state} />
      </div>
      <SelectField name="ownerUserId" label={t('fields.owner')} defaultValue={stakeholder?.ownerUserId} emptyLabel={t('form.noOwner')} hint={t('hints.owner')}
        options={owners.map((o) => ({ value: String(o.id), label: o.name }))} state={state} />
      <TextAreaField name="description" label={t('fields.description')} defaultValue={stakeholder?.description} rows={4} state={state} />
    </>
  );
}
