import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, TextAreaField, TextField, useFormState } from '~/components/form';
import { CheckboxField } from '~/components/form-extras';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireInstitution } from '~/modules/auth/guards.server';
import { MitchellLabel, QuadrantBadge, useDays } from '~/modules/stakeholders/components/labels';
import { recordAssessment } from '~/modules/stakeholders/mutations.server';
import { getStakeholderName, listAssessments } from '~/modules/stakeholders/queries.server';
import { SCALE_MAX, SCALE_MIN } from '~/modules/stakeholders/rules';
import { assessmentSchema } from '~/modules/stakeholders/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { today } from '~/utils/dates';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const stakeholderId = idParam(params.stakeholderId);
  if (!(await getStakeholderName(institution.id, stakeholderId))) throw notFound();
  const assessments = await listAssessments(institution.id, stakeholderId);
  return json({ institution, can, assessments, today: today() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const stakeholderId = idParam(params.stakeholderId);
  const formData = await request.formData();
  const form = parseForm(assessmentSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(formValues(formData), () => recordAssessment(actor, { institutionId: institution.id, stakeholderId, ...form.data }), ({ latest }) =>
    redirectWithToast(request, `/i/${institution.id}/stakeholders/${stakeholderId}/salience`, latest ? 'stakeholders:toast.assessed' : 'stakeholders:toast.assessedEarlier'));
}

export default function StakeholderSalience() {
  const { t } = useTranslation('stakeholders');
  const { day } = useDays();
  const { can, assessments, today } = useLoaderData<typeof loader>();
  const state = useFormState();
  return (
    <>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('salience.history')}</h2>
        <p className="muted">{t('salience.explain')}</p>
        {assessments.length === 0 ? <p className="empty">{t('salience.none')}</p> : (
          <TableWrap>
            <table>
              <TableCaption>{t('salience.caption', { count: assessments.length })}</TableCaption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.assessedOn')}</th>
                  <th scope="col" className="number">{t('fields.power')}</th>
                  <th scope="col" className="number">{t('fields.interest')}</th>
                  <th scope="col">{t('fields.legitimacy')}</th>
                  <th scope="col">{t('fields.urgency')}</th>
                  <th scope="col">{t('fields.quadrant')}</th>
                  <th scope="col">{t('fields.mitchellClass')}</th>
                </tr>
              </thead>
              <tbody>
                {assessments.map((a, index) => (
                  <tr key={a.id}>
                    <td>
                      {day(a.assessedOn)}
                      {index === 0 ? <> <span className="badge badge-info">{t('salience.latest')}</span></> : null}
                      {a.note ? <div className="muted">{a.note}</div> : null}
                      {a.assessedBy ? <div className="muted">{t('salience.by', { name: a.assessedBy })}</div> : null}
                    </td>
                    <td className="number">{a.power}</td>
                    <td className="number">{a.interest}</td>
                    <td>{a.legitimacy ? t('common:yes') : t('common:no')}</td>
                    <td>{a.urgency ? t('common:yes') : t('common:no')}</td>
                    <td><QuadrantBadge quadrant={a.quadrant} /></td>
                    <td><MitchellLabel value={a.mitchellClass} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      {can.write ? (
        <section className="card main-narrow" aria-labelledby="assess-heading">
          <h2 id="assess-heading">{t('salience.record')}</h2>
          <Form method="post" className="stack" noValidate>
            <FormError message={state.formError} />
            <TextField name="assessedOn" type="date" label={t('fields.assessedOn')} defaultValue={today} max={today} required hint={t('hints.assessedOn')} state={state} />
            <div className="form-row">
              <TextField name="power" type="number" label={t('fields.power')} min={SCALE_MIN} max={SCALE_MAX} required hint={t('hints.power')} state={state} />
              <TextField name="interest" type="number" label={t('fields.interest')} min={SCALE_MIN} max={SCALE_MAX} required hint={t('hints.interest')} state={state} />
            </div>
            <CheckboxField name="legitimacy" label={t('fields.legitimacy')} hint={t('hints.legitimacy')} state={state} />
            <CheckboxField name="urgency" label={t('fields.urgency')} hint={t('hints.urgency')} state={state} />
            <TextAreaField name="note" label={t('fields.note')} rows={3} state={state} />
            <div className="form-actions">
              <SubmitButton pendingLabel={t('common:actions.saving')}>{t('salience.save')}</SubmitButton>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
