import { useTranslation } from 'react-i18next';
import { Field, SelectField, TextAreaField, TextField } from '~/components/form';
import { CheckboxField } from '~/components/form-extras';
import type { FieldErrors, FormValues } from '~/utils/forms';
import { CHANNELS, DIRECTIONS } from '../schema';

type State = { errors: FieldErrors; values: FormValues };

export type EngagementFormOptions = {
  stakeholders: { id: number; name: string }[];
  participants: { value: string; label: string; group: string | null }[];
  interests: { id: number; title: string; stakeholderId: number; stakeholderName: string }[];
  owners: { id: number; name: string }[];
};

export type EngagementDefaults = {
  occurredOn?: string; channel?: string; direction?: string; subject?: string; summary?: string | null;
  stakeholderIds?: string[]; participants?: string[]; interestIds?: string[];
  followUp?: string | null; followUpOwnerUserId?: number | null; followUpDueOn?: string | null;
};

/** What a multi-valued field should show: the submitted values after a refusal, else the defaults. */
function chosen(values: FormValues, name: string, defaults: string[] = []): string[] {
  if (Object.keys(values).length === 0) return defaults;
  const typed = values[name];
  return typed === undefined ? [] : Array.isArray(typed) ? typed : [typed];
}

/** A multiple choice as a select list, grouped; works without JavaScript (Ctrl/Cmd-click for several). */
function MultiSelect({
  name, label, hint, options, defaults, state, size = 8,
}: {
  name: string; label: string; hint?: string; size?: number;
  options: { value: string; label: string; group: string | null }[];
  defaults?: string[];
  state: State;
}) {
  const groups = [...new Set(options.map((o) => o.group))];
  const render = (list: typeof options) => list.map((o) => <option key={o.value} value={o.value}>{o.label}</option>);
  // A refused item of the list is reported as `name.<index>`: shown at the list.
  const error = state.errors[name] ?? Object.entries(state.errors).find(([key]) => key.startsWith(`${name}.`))?.[1];
  return (
    <Field name={name} label={label} hint={hint} error={error}>
      {(props) => (
        <select {...props} name={name} multiple size={Math.min(size, Math.max(3, options.length + groups.length))} defaultValue={chosen(state.values, name, defaults)}>
          {groups.map((group) => (group === null
            ? render(options.filter((o) => o.group === null))
            : <optgroup key={group} label={group}>{render(options.filter((o) => o.group === group))}</optgroup>))}
        </select>
      )}
    </Field>
  );
}

/** Recording (or correcting) a contact: when, how, with whom, about what, and what follows. */
export function EngagementFields({ options, defaults = {}, state, today }: { options: EngagementFormOptions; defaults?: EngagementDefaults; state: State; today: string }) {
  const { t } = useTranslation('stakeholders');
  const participantOptions = options.participants.map((p) => ({ ...p, group: p.group ?? t('engagements.privateCapacity') }));
  return (
    <>
      <div className="form-row">
        <TextField name="occurredOn" type="date" label={t('fields.occurredOn')} defaultValue={defaults.occurredOn ?? today} max={today} required state={state} />
        <SelectField name="channel" label={t('fields.channel')} defaultValue={defaults.channel ?? 'meeting'}
          options={CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) }))} state={state} />
        <SelectField name="direction" label={t('fields.direction')} defaultValue={defaults.direction ?? 'mutual'}
          options={DIRECTIONS.map((value) => ({ value, label: t(`directions.${value}`) }))} state={state} />
      </div>
      <TextField name="subject" label={t('fields.subject')} defaultValue={defaults.subject} required state={state} />
      <TextAreaField name="summary" label={t('fields.summary')} defaultValue={defaults.summary} rows={5} state={state} />
      <MultiSelect name="stakeholderIds" label={t('fields.stakeholders')} hint={t('hints.multiple')} state={state} defaults={defaults.stakeholderIds}
        options={options.stakeholders.map((s) => ({ value: String(s.id), label: s.name, group: null }))} />
      <MultiSelect name="participants" label={t('fields.participants')} hint={t('hints.participants')} state={state} defaults={defaults.participants} size={10}
        options={participantOptions} />
      <CheckboxField name="confirmParticipants" label={t('fields.confirmParticipants')} hint={t('hints.confirmParticipants')} state={state} />
      <MultiSelect name="interestIds" label={t('fields.interests')} hint={t('hints.linkedInterests')} state={state} defaults={defaults.interestIds}
        options={options.interests.map((i) => ({ value: String(i.id), label: i.title, group: i.stakeholderName }))} />
      <fieldset className="stack">
        <legend>{t('engagements.followUp')}</legend>
        <TextAreaField name="followUp" label={t('fields.followUp')} defaultValue={defaults.followUp} rows={2} hint={t('hints.followUp')} state={state} />
        <div className="form-row">
          <SelectField name="followUpOwnerUserId" label={t('fields.followUpOwner')} defaultValue={defaults.followUpOwnerUserId} emptyLabel={t('form.noOwner')}
            options={options.owners.map((o) => ({ value: String(o.id), label: o.name }))} state={state} />
          <TextField name="followUpDueOn" type="date" label={t('fields.followUpDueOn')} defaultValue={defaults.followUpDueOn} state={state} />
        </div>
      </fieldset>
    </>
  );
}
