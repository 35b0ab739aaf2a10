import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError, useFormState } from '~/components/form';
import { History } from '~/modules/audit/components/history';
import { listHistory } from '~/modules/audit/queries.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { Fact } from '~/modules/parties/components/party-view';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { FollowUp } from '~/modules/stakeholders/components/engagement-list';
import { useDays } from '~/modules/stakeholders/components/labels';
import { completeFollowUp } from '~/modules/stakeholders/engagement-mutations.server';
import { getEngagement } from '~/modules/stakeholders/engagement-queries.server';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { today } from '~/utils/dates';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const engagementId = idParam(params.engagementId);
  const engagement = await getEngagement(institution.id, engagementId);
  if (!engagement) throw notFound();
  const history = await listHistory(institution.id, 'engagement', engagementId);
  return json({ institution, can, engagement, history, today: today() });
}

const tickOff = z.object({ intent: z.literal('complete-follow-up'), back: z.string().max(300).optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const engagementId = idParam(params.engagementId);
  const formData = await request.formData();
  const form = parseForm(tickOff, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  // Back to the list the button was on, but only to a page of this institution.
  const own = `/i/${institution.id}/`;
  const back = form.data.back && form.data.back.startsWith(own) && !form.data.back.includes('//') ? form.data.back : `${own}engagements/${engagementId}`;
  return attempt(formValues(formData), () => completeFollowUp(actor, { institutionId: institution.id, engagementId }), () =>
    redirectWithToast(request, back, 'stakeholders:toast.followUpDone'));
}

export default function EngagementPage() {
  const { t } = useTranslation('stakeholders');
  const { day } = useDays();
  const { institution, can, engagement, history, today } = useLoaderData<typeof loader>();
  const state = useFormState();
  const base = `/i/${institution.id}`;
  return (
    <>
      <p className="breadcrumbs"><Link to={`${base}/engagements`}>{t('engagements.title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{engagement.subject}</h1>
          <p className="subtitle">{day(engagement.occurredOn)} · {t(`channels.${engagement.channel}`)} · {t(`directions.${engagement.direction}`)}</p>
        </div>
        {can.write ? <div className="page-actions"><Link className="button" to={`${base}/engagements/${engagement.id}/edit`}>{t('common:actions.edit')}</Link></div> : null}
      </div>
      <AreaNav institutionId={institution.id} />
      <FormError message={state.formError} />
      <div className="grid grid-2">
        <section className="card" aria-labelledby="contact-heading">
          <h2 id="contact-heading">{t('engagements.contact')}</h2>
          <dl className="facts">
            <Fact label={t('fields.stakeholders')}>
              {engagement.stakeholders.map((s, index) => <span key={s.id}>{index ? ', ' : ''}<Link to={`${base}/stakeholders/${s.id}`}>{s.name}</Link></span>)}
            </Fact>
            <Fact label={t('fields.participants')}>
              {engagement.participants.length ? (
                <ul className="plain">
                  {engagement.participants.map((p) => (
                    <li key={p.personId}>
                      <Link to={`${base}/parties/persons/${p.personId}`}>{p.name}</Link>
                      {p.positionTitle ? <> ({p.positionTitle}, <Link to={`${base}/parties/organisations/${p.organisationId}`}>{p.organisationName}</Link>)</> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </Fact>
            <Fact label={t('fields.interests')}>
              {engagement.interests.length ? engagement.interests.map((i) => `${i.title} (${i.stakeholderName})`).join('; ') : null}
            </Fact>
            <Fact label={t('engagements.recordedBy')}>{engagement.recordedBy}</Fact>
          </dl>
          <FollowUp institutionId={institution.id} engagement={engagement} canWrite={can.write} back={`${base}/engagements/${engagement.id}`} today={today} />
        </section>
        <section className="card" aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t('fields.summary')}</h2>
          {engagement.summary ? <p className="prewrap">{engagement.summary}</p> : <p className="empty">{t('engagements.noSummary')}</p>}
        </section>
      </div>
      <History events={history.rows} more={history.more} moreHref={can.manage ? `${base}/audit?entity=engagement&entityId=${engagement.id}` : undefined} />
    </>
  );
}
