import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '~/components/form';
import type { FieldErrors, FormValues } from '~/utils/forms';
import { INTEREST_PRIORITIES, INTEREST_STATUSES } from '../schema';

/** An interest's fields; the theme comes from the institution's list (a retired theme stays on its interests). */
export function InterestFields({
  interest, themes, state,
}: {
  interest?: { title: string; description: string | null; themeId: number | null; themeName: string | null; priority: string; since: string | null; status: string };
  themes: { id: number; name: string; active: boolean }[];
  state: { errors: FieldErrors; values: FormValues };
}) {
  const { t } = useTranslation('stakeholders');
  const offered = themes.filter((theme) => theme.active || theme.id === interest?.themeId);
  return (
    <>
      <TextField name="title" label={t('fields.interestTitle')} defaultValue={interest?.title} required state={state} />
      <TextAreaField name="description" label={t('fields.description')} defaultValue={interest?.description} rows={3} state={state} />
      <div className="form-row">
        <SelectField name="themeId" label={t('fields.theme')} defaultValue={interest?.themeId} emptyLabel={t('interests.noTheme')}
          options={offered.map((theme) => ({ value: String(theme.id), label: theme.name }))} state={state} />
        <SelectField name="priority" label={t('fields.priority')} defaultValue={interest?.priority ?? 'medium'}
          options={INTEREST_PRIORITIES.map((value) => ({ value, label: t(`priorities.${value}`) }))} state={state} />
      </div>
      <div className="form-row">
        <TextField name="since" type="date" label={t('fields.since')} defaultValue={interest?.since} state={state} />
        <SelectField name="status" label={t('fields.interestStatus')} defaultValue={interest?.status ?? 'active'}
          options={INTEREST_STATUSES.map((value) => ({ value, label: t(`interestStatuses.${value}`) }))} state={state} />
      </div>
    </>
  );
}
