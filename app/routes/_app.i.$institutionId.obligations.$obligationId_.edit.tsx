import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import { ObligationForm, storedDefaults } from '~/modules/obligations/components/obligation-form';
import { updateObligation } from '~/modules/obligations/mutations.server';
import { getObligation, getObligationFormOptions } from '~/modules/obligations/queries.server';
import { obligationUpdateSchema } from '~/modules/obligations/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { today } from '~/utils/dates';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  const obligation = await getObligation(institution.id, idParam(params.obligationId), today());
  if (!obligation) throw notFound();
  const options = await getObligationFormOptions(institution.id);
  return json({ institution, obligation, ...options });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const obligationId = idParam(params.obligationId);
  const formData = await request.formData();
  const form = parseForm(obligationUpdateSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  // A stale version (someone saved in between) comes back as 409 with the typed values kept.
  return attempt(
    formValues(formData),
    () => updateObligation(actor, { institutionId: institution.id, obligationId, ...form.data }),
    () => redirectWithToast(request, `/i/${institution.id}/obligations/${obligationId}`, 'obligations:toast.saved'),
  );
}

export default function EditObligation() {
  const { t } = useTranslation('obligations');
  const { institution, obligation, stakeholders, members, agreements, provisions } = useLoaderData<typeof loader>();
  const state = useFormState();
  const base = `/i/${institution.id}/obligations/${obligation.id}`;
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={base}>{obligation.title}</Link></p>
      <h1>{t('form.editTitle')}</h1>
      <p className="muted">{t('form.regenerationExplained')}</p>
      <ObligationForm
        defaults={storedDefaults(obligation)}
        state={state}
        stakeholders={stakeholders}
        members={members}
        agreements={agreements}
        provisions={provisions}
        submitLabel={t('form.save')}
        cancelHref={base}
      />
    </div>
  );
}
