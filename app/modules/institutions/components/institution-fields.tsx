import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '~/components/form';
import type { FieldErrors, FormValues } from '~/utils/forms';
import { SECTORS } from '../schema';

type InstitutionValues = { name: string; sector: string; kvkNumber: string | null; city: string | null; website: string | null };

/** The fields an institution is made of, shared by the create and edit forms. */
export function InstitutionFields({ institution, state }: { institution?: InstitutionValues; state: { errors: FieldErrors; values: FormValues } }) {
  const { t } = useTranslation('admin');
  return (
    <>
      <TextField name="name" label={t('institutions.name')} defaultValue={institution?.name} required state={state} />
      <SelectField
        name="sector"
        label={t('institutions.sector')}
        options={SECTORS.map((sector) => ({ value: sector, label: t(`common:sectors.${sector}`) }))}
        defaultValue={institution?.sector}
        emptyLabel={t('institutions.chooseSector')}
        required
        state={state}
      />
      <div className="form-row">
        <TextField name="kvkNumber" label={t('institutions.kvkNumber')} hint={t('institutions.kvkHint')} defaultValue={institution?.kvkNumber} state={state} />
        <TextField name="city" label={t('institutions.city')} defaultValue={institution?.city} state={state} />
      </div>
      <TextField name="website" type="url" label={t('institutions.website')} hint={t('institutions.websiteHint')} defaultValue={institution?.website} state={state} />
    </>
  );
}
