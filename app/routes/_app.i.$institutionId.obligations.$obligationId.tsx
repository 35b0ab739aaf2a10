import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, useFormState } from '~/components/form';
import { IntentButton } from '~/components/form-extras';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { History } from '~/modules/audit/components/history';
import { listHistory } from '~/modules/audit/queries.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { MomentStatusBadge, useDateLocale } from '~/modules/obligations/components/moment-status';
import { RecurrenceText } from '~/modules/obligations/components/recurrence-text';
import { setObligationActive } from '~/modules/obligations/mutations.server';
import { getObligation } from '~/modules/obligations/queries.server';
import { periodLabel } from '~/modules/obligations/rules';
import { obligationActiveSchema } from '~/modules/obligations/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { formatDay, today } from '~/utils/dates';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const obligation = await getObligation(institution.id, idParam(params.obligationId), today());
  if (!obligation) throw notFound();
  const history = await listHistory(institution.id, 'obligation', obligation.id);
  return json({ institution, can, obligation, history });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const obligationId = idParam(params.obligationId);
  const formData = await request.formData();
  const form = parseForm(obligationActiveSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(
    formValues(formData),
    () => setObligationActive(actor, { institutionId: institution.id, obligationId, ...form.data }),
    () => redirectWithToast(request, `/i/${institution.id}/obligations/${obligationId}`, form.data.active ? 'obligations:toast.resumed' : 'obligations:toast.ended'),
  );
}

export default function ObligationPage() {
  const { t, i18n } = useTranslation('obligations');
  const locale = useDateLocale();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const { institution, can, obligation: o, history } = useLoaderData<typeof loader>();
  const state = useFormState();
  const base = `/i/${institution.id}`;
  const open = o.moments.filter((m) => m.status === 'overdue' || m.status === 'due-soon').length;
  return (
    <>
      <p className="breadcrumbs"><Link to={`${base}/obligations`}>{t('list.title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{o.title}</h1>
          <p className="subtitle">
            {t(`forms.${o.form}`)} · <RecurrenceText recurrence={o.recurrence} startsOn={o.startsOn} />
            {!o.active ? <> · <span className="badge badge-muted">{t('list.ended')}</span></> : null}
          </p>
        </div>
        <div className="page-actions">
          <Link className="button button-secondary" to={`${base}/calendar?obligationId=${o.id}&status=all`}>{t('detail.inCalendar')}</Link>
          {can.write ? <Link className="button" to={`${base}/obligations/${o.id}/edit`}>{t('common:actions.edit')}</Link> : null}
        </div>
      </div>
      <FormError message={state.formError} />
      {open > 0 ? <div className="notice notice-warn">{t('detail.attention', { count: open })}</div> : null}

      <div className="grid grid-2">
        <section className="card" aria-labelledby="obligation-facts">
          <h2 id="obligation-facts">{t('detail.facts')}</h2>
          <dl className="facts">
            <dt>{t('form.toWhom')}</dt>
            <dd>
              {o.stakeholders.length === 0 && !o.forum ? t('common:none') : null}
              {o.stakeholders.map((s, i) => (
                <span key={s.id}>{i > 0 ? ', ' : ''}<Link to={`${base}/stakeholders/${s.id}`}>{s.name}</Link></span>
              ))}
              {o.forum ? <>{o.stakeholders.length ? ', ' : ''}{o.forum}</> : null}
            </dd>
            <dt>{t('form.basis')}</dt>
            <dd>{o.basis ?? t('common:none')}</dd>
            <dt>{t('form.responsible')}</dt>
            <dd>{o.responsible?.name ?? t('common:none')}</dd>
            <dt>{t('form.leadTime')}</dt>
            <dd>{t('detail.leadTimeDays', { count: o.leadTimeDays })}</dd>
            <dt>{t('form.startsOn')}</dt>
            <dd>{formatDay(o.startsOn, locale)}</dd>
            <dt>{t('form.endsOn')}</dt>
            <dd>{o.endsOn ? formatDay(o.endsOn, locale) : t('detail.noEnd')}</dd>
            <dt>{t('form.reportsOn')}</dt>
            <dd>{t(`reportsOn.${o.reportsOn}`)}</dd>
            <dt>{t('form.agreement')}</dt>
            <dd>{o.agreement ? <Link to={`${base}/agreements/${o.agreement.id}`}>{o.agreement.title}</Link> : t('common:none')}</dd>
          </dl>
          {o.description ? <p className="prewrap">{o.description}</p> : null}
        </section>

        <section className="card" aria-labelledby="obligation-provisions">
          <h2 id="obligation-provisions">{t('form.provisions')}</h2>
          {o.provisions.length === 0 ? (
            <p className="empty">{t('detail.noProvisions')}</p>
          ) : (
            <ul className="list">
              {o.provisions.map((p) => (
                <li key={p.id}>
                  <span><strong>{p.number}</strong> {p.title[language]}</span>
                  <span className="muted">{p.codeTitle[language]}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="obligation-moments">
        <h2 id="obligation-moments">{t('detail.moments')}</h2>
        {o.moments.length === 0 ? (
          <p className="empty">{t('detail.noMoments')}</p>
        ) : (
          <TableWrap>
            <table>
              <TableCaption>{t('detail.momentsCaption', { count: o.moments.length })}</TableCaption>
              <thead>
                <tr>
                  <th scope="col">{t('detail.dueOn')}</th>
                  <th scope="col">{t('detail.period')}</th>
                  <th scope="col">{t('detail.status')}</th>
                  <th scope="col">{t('detail.renderedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {o.moments.map((m) => (
                  <tr key={m.id}>
                    <td><Link to={`${base}/moments/${m.id}`}>{formatDay(m.dueOn, locale)}</Link></td>
                    <td>{periodLabel(m.periodStart, m.periodEnd, locale)}</td>
                    <td><MomentStatusBadge status={m.status} /></td>
                    <td>{m.renderedOn ? formatDay(m.renderedOn, locale) : t('common:none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      {can.write ? (
        <section className="card" aria-labelledby="obligation-lifecycle">
          <h2 id="obligation-lifecycle">{o.active ? t('detail.endTitle') : t('detail.resumeTitle')}</h2>
          <p>{o.active ? t('detail.endExplained') : t('detail.resumeExplained')}</p>
          <Form method="post">
            <input type="hidden" name="version" value={o.version} />
            <input type="hidden" name="active" value={o.active ? 'false' : 'true'} />
            <IntentButton intent="set-active" className={o.active ? 'button-danger' : undefined}>
              {o.active ? t('detail.end') : t('detail.resume')}
            </IntentButton>
          </Form>
        </section>
      ) : null}

      <History events={history.rows} more={history.more} moreHref={`${base}/audit?entity=obligation&entityId=${o.id}`} />
    </>
  );
}
