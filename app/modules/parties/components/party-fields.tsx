import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '~/components/form';
import { CheckboxField } from '~/components/form-extras';
import type { FieldErrors, FormValues } from '~/utils/forms';
import { HOUSEHOLD_STATUSES, LEGAL_BASES, ORGANISATION_KINDS } from '../schema';

type State = { errors: FieldErrors; values: FormValues };
type Values = Record<string, unknown>;

/** Street, house number, postcode (`1234 AB`) and city: shared by persons, organisations and households. */
export function AddressFields({ record, state }: { record?: Values; state: State }) {
  const { t } = useTranslation('parties');
  return (
    <fieldset className="stack">
      <legend>{t('fields.address')}</legend>
      <div className="form-row">
        <TextField name="street" label={t('fields.street')} defaultValue={record?.street as string} autoComplete="off" state={state} />
        <TextField name="houseNumber" label={t('fields.houseNumber')} defaultValue={record?.houseNumber as string} hint={t('hints.houseNumber')} state={state} />
      </div>
      <div className="form-row">
        <TextField name="postcode" label={t('fields.postcode')} defaultValue={record?.postcode as string} hint={t('hints.postcode')} placeholder="1234 AB" state={state} />
        <TextField name="city" label={t('fields.city')} defaultValue={record?.city as string} state={state} />
      </div>
    </fieldset>
  );
}

/** "I confirmed these details today": sets last verified. Ticked by default when data is entered. */
export function VerifiedField({ defaultChecked, state }: { defaultChecked: boolean; state: State }) {
  const { t } = useTranslation('parties');
  return <CheckboxField name="verified" label={t('fields.verified')} hint={t('hints.verified')} defaultChecked={defaultChecked} state={state} />;
}

export function PersonFields({ person, state }: { person?: Values; state: State }) {
  const { t } = useTranslation('parties');
  return (
    <>
      <fieldset className="stack">
        <legend>{t('fields.name')}</legend>
        <div className="form-row">
          <TextField name="givenName" label={t('fields.givenName')} defaultValue={person?.givenName as string} autoComplete="off" state={state} />
          <TextField name="initials" label={t('fields.initials')} defaultValue={person?.initials as string} hint={t('hints.initials')} state={state} />
        </div>
        <div className="form-row">
          <TextField name="tussenvoegsel" label={t('fields.tussenvoegsel')} defaultValue={person?.tussenvoegsel as string} hint={t('hints.tussenvoegsel')} state={state} />
          <TextField name="familyName" label={t('fields.familyName')} defaultValue={person?.familyName as string} required state={state} />
        </div>
      </fieldset>
      <fieldset className="stack">
        <legend>{t('fields.privateContact')}</legend>
        <div className="form-row">
          <TextField name="email" type="email" label={t('fields.email')} defaultValue={person?.email as string} autoComplete="off" state={state} />
          <TextField name="phone" type="tel" label={t('fields.phone')} defaultValue={person?.phone as string} state={state} />
        </div>
      </fieldset>
      <AddressFields record={person} state={state} />
      <fieldset className="stack">
        <legend>{t('fields.provenance')}</legend>
        <div className="form-row">
          <TextField name="source" label={t('fields.source')} defaultValue={person?.source as string} hint={t('hints.source')} state={state} />
          <SelectField
            name="legalBasis" label={t('fields.legalBasis')} defaultValue={person?.legalBasis as string} emptyLabel={t('legalBases.none')}
            options={LEGAL_BASES.map((value) => ({ value, label: t(`legalBases.${value}`) }))} state={state}
          />
        </div>
      </fieldset>
    </>
  );
}

export function OrganisationFields({ organisation, state }: { organisation?: Values; state: State }) {
  const { t } = useTranslation('parties');
  return (
    <>
      <div className="form-row">
        <TextField name="name" label={t('fields.organisationName')} defaultValue={organisation?.name as string} required state={state} />
        <SelectField
          name="kind" label={t('fields.kind')} defaultValue={organisation?.kind as string} required
          options={ORGANISATION_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))} state={state}
        />
      </div>
      <div className="form-row">
        <TextField name="kvkNumber" label={t('fields.kvkNumber')} defaultValue={organisation?.kvkNumber as string} hint={t('hints.kvkNumber')} state={state} />
        <TextField name="website" type="url" label={t('fields.website')} defaultValue={organisation?.website as string} placeholder="https://" state={state} />
      </div>
      <div className="form-row">
        <TextField name="email" type="email" label={t('fields.email')} defaultValue={organisation?.email as string} state={state} />
        <TextField name="phone" type="tel" label={t('fields.phone')} defaultValue={organisation?.phone as string} state={state} />
      </div>
      <AddressFields record={organisation} state={state} />
      <TextAreaField name="notes" label={t('fields.notes')} defaultValue={organisation?.notes as string} rows={3} state={state} />
      <TextField name="source" label={t('fields.source')} defaultValue={organisation?.source as string} hint={t('hints.source')} state={state} />
    </>
  );
}

export function HouseholdFields({ household, state }: { household?: Values; state: State }) {
  const { t } = useTranslation('parties');
  return (
    <>
      <div className="form-row">
        <TextField name="name" label={t('fields.householdName')} defaultValue={household?.name as string} hint={t('hints.householdName')} required state={state} />
        <SelectField
          name="status" label={t('fields.householdStatus')} defaultValue={(household?.status as string) ?? 'active'}
          options={HOUSEHOLD_STATUSES.map((value) => ({ value, label: t(`householdStatuses.${value}`) }))} state={state}
        />
      </div>
      <AddressFields record={household} state={state} />
      <div className="form-row">
        <TextField name="segment" label={t('fields.segment')} defaultValue={household?.segment as string} hint={t('hints.segment')} state={state} />
        <TextField name="source" label={t('fields.source')} defaultValue={household?.source as string} hint={t('hints.source')} state={state} />
      </div>
    </>
  );
}

/** Title, dates and business contact details of a position. */
export function PositionFields({ position, state }: { position?: Values; state: State }) {
  const { t } = useTranslation('parties');
  return (
    <>
      <TextField name="title" label={t('fields.positionTitle')} defaultValue={position?.title as string} hint={t('hints.positionTitle')} required state={state} />
      <div className="form-row">
        <TextField name="startsOn" type="date" label={t('fields.startsOn')} defaultValue={position?.startsOn as string} state={state} />
        <TextField name="endsOn" type="date" label={t('fields.endsOn')} defaultValue={position?.endsOn as string} hint={t('hints.endsOn')} state={state} />
      </div>
      <div className="form-row">
        <TextField name="businessEmail" type="email" label={t('fields.businessEmail')} defaultValue={position?.businessEmail as string} state={state} />
        <TextField name="businessPhone" type="tel" label={t('fields.businessPhone')} defaultValue={position?.businessPhone as string} state={state} />
      </div>
    </>
  );
}
