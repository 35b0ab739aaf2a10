import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SelectField, TextField, useFormState } from '~/components/form';
import { IntentButton, stateFor } from '~/components/form-extras';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireInstitution } from '~/modules/auth/guards.server';
import { ShareValue } from '~/modules/governance/components/labels';
import { adoptCode, copyFromLastYear, endAdoption, openYear } from '~/modules/governance/mutations.server';
import { mayAdopt, mayOpenYear } from '~/modules/governance/policy';
import { listAdoptions, listCodes, listYears } from '~/modules/governance/queries.server';
import { adoptCodeSchema, endAdoptionSchema, openYearSchema } from '~/modules/governance/schema';
import { useDateLocale } from '~/modules/obligations/components/moment-status';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { formatDay, today } from '~/utils/dates';
import { forbidden } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const day = today();
  const years = await listYears(institution.id, day);
  // A moment's page links here with ?provision=: show that provision in the newest opened year.
  const provision = new URL(request.url).searchParams.get('provision');
  if (provision && /^\d+$/.test(provision)) {
    const year = years.find((y) => y.opened)?.year ?? Number(day.slice(0, 4));
    throw redirect(`/i/${institution.id}/compliance/${year}?provision=${provision}`);
  }
  const [adoptions, codes] = await Promise.all([listAdoptions(institution.id), listCodes()]);
  const adopted = new Set(adoptions.map((a) => a.code.id));
  return json({
    institution, can, years, adoptions, today: day,
    adoptable: codes.filter((c) => !adopted.has(c.id)).map((c) => ({ id: c.id, title: c.title, version: c.version, sectors: c.sectors })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor, can } = await requireInstitution(request, params, 'write');
  const formData = await request.formData();
  const values = formValues(formData);
  const base = `/i/${institution.id}/compliance`;
  switch (formData.get('intent')) {
    case 'adopt': {
      if (!can.manage) throw forbidden();
      const form = parseForm(adoptCodeSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => adoptCode(actor, { institutionId: institution.id, ...form.data }),
        () => redirectWithToast(request, base, 'compliance:toast.adopted'));
    }
    case 'end-adoption': {
      if (!can.manage) throw forbidden();
      const form = parseForm(endAdoptionSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => endAdoption(actor, { institutionId: institution.id, ...form.data }),
        () => redirectWithToast(request, base, 'compliance:toast.adoptionEnded'));
    }
    case 'open-year': {
      const form = parseForm(openYearSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      const { year, start } = form.data;
      const target = { institutionId: institution.id, year };
      return attempt(values, () => (start === 'copy' ? copyFromLastYear(actor, target) : openYear(actor, target)),
        () => redirectWithToast(request, `${base}/${year}`, start === 'copy' ? 'compliance:toast.copied' : 'compliance:toast.opened'));
    }
    default:
      return invalidForm({}, values, 'common:errors.invalid');
  }
}

export default function CompliancePage() {
  const { t, i18n } = useTranslation('compliance');
  const locale = useDateLocale();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const { institution, can, years, adoptions, adoptable, today: day } = useLoaderData<typeof loader>();
  const state = useFormState();
  const base = `/i/${institution.id}/compliance`;
  const currentYear = Number(day.slice(0, 4));
  const adoptState = stateFor(state, 'adopt');
  const openState = stateFor(state, 'open-year');
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('index.title')}</h1>
          <p className="subtitle">{t('index.subtitle')}</p>
        </div>
        <div className="page-actions">
          <Link className="button button-secondary" to={`${base}/codes`}>{t('index.library')}</Link>
        </div>
      </div>
      <FormError message={state.formError} />

      <section className="card" aria-labelledby="compliance-years">
        <h2 id="compliance-years">{t('index.years')}</h2>
        <TableWrap>
          <table>
            <TableCaption>{t('index.yearsCaption')}</TableCaption>
            <thead>
              <tr>
                <th scope="col">{t('index.year')}</th>
                <th scope="col">{t('index.state')}</th>
                <th scope="col" className="number">{t('index.statements')}</th>
                <th scope="col" className="number">{t('status.not-assessed')}</th>
                <th scope="col" className="number">{t('index.toReview')}</th>
                <th scope="col" className="number">{t('overview.share')}</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => {
                const statements = Object.values(y.counts).reduce((a, b) => a + b, 0);
                return (
                  <tr key={y.year}>
                    <th scope="row"><Link to={`${base}/${y.year}`}>{y.year}</Link></th>
                    <td>{y.locked ? <span className="badge badge-ok">{t('year.approved')}</span> : y.opened ? <span className="badge badge-info">{t('year.open')}</span> : <span className="muted">{t('year.notOpened')}</span>}</td>
                    <td className="number">{statements}</td>
                    <td className="number">{y.counts['not-assessed']}</td>
                    <td className="number">{y.needsReview}</td>
                    <td className="number"><ShareValue share={y.share} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
        {mayOpenYear(can, { opened: false, locked: false }) ? (
          <Form method="post" className="stack open-year-form">
            <h3>{t('index.openTitle')}</h3>
            <p className="muted">{t('index.openExplained')}</p>
            <FormError message={openState.formError} />
            <div className="form-row">
              <TextField name="year" label={t('index.year')} type="number" min={2000} max={2100} defaultValue={currentYear} state={openState} required />
              <fieldset>
                <legend className="label">{t('index.start')}</legend>
                <label className="checkbox"><input type="radio" name="start" value="empty" defaultChecked={openState.values.start !== 'copy'} /> <span>{t('index.startEmpty')}</span></label>
                <label className="checkbox"><input type="radio" name="start" value="copy" defaultChecked={openState.values.start === 'copy'} /> <span>{t('index.startCopy')}</span></label>
                {openState.errors.start ? <span className="error">{t(openState.errors.start)}</span> : null}
              </fieldset>
            </div>
            <div className="form-actions"><IntentButton intent="open-year">{t('index.open')}</IntentButton></div>
          </Form>
        ) : null}
      </section>

      <section className="card" aria-labelledby="compliance-codes">
        <h2 id="compliance-codes">{t('index.adopted')}</h2>
        {adoptions.length === 0 ? <p className="empty">{t('index.noAdoptions')}</p> : (
          <TableWrap>
            <table>
              <TableCaption>{t('index.adoptedCaption')}</TableCaption>
              <thead>
                <tr>
                  <th scope="col">{t('index.code')}</th>
                  <th scope="col">{t('index.adoptedFrom')}</th>
                  <th scope="col">{t('index.adoptedUntil')}</th>
                  {mayAdopt(can) ? <th scope="col">{t('index.endAdoption')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {adoptions.map((a) => {
                  const endState = stateFor(state, 'end-adoption', { adoptionId: String(a.id) });
                  return (
                    <tr key={a.id}>
                      <td>
                        <Link to={`${base}/codes/${a.code.id}`}>{a.code.title[language]}</Link> <span className="muted">{a.code.version}</span>
                        {a.code.coverage === 'partial' ? <> <span className="badge badge-warn">{t('governance:coverage.partial')}</span></> : null}
                      </td>
                      <td>{formatDay(a.adoptedFrom, locale)}</td>
                      <td>{a.adoptedUntil ? formatDay(a.adoptedUntil, locale) : t('index.noEnd')}</td>
                      {mayAdopt(can) ? (
                        <td>
                          <Form method="post" className="inline-fields">
                            <input type="hidden" name="adoptionId" value={a.id} />
                            <TextField name="adoptedUntil" type="date" label={t('index.lastDay')} defaultValue={a.adoptedUntil ?? ''} state={endState} />
                            <IntentButton intent="end-adoption" match={{ adoptionId: String(a.id) }} className="button-secondary button-small">{t('index.setEnd')}</IntentButton>
                          </Form>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
        {adoptions.some((a) => a.code.coverage === 'partial') ? <p className="notice notice-warn">{t('governance:coverage.partialAdopted')}</p> : null}
        {mayAdopt(can) && adoptable.length > 0 ? (
          <Form method="post" className="stack adopt-form">
            <h3>{t('index.adoptTitle')}</h3>
            <FormError message={adoptState.formError} />
            <div className="form-row">
              <SelectField
                name="codeId"
                label={t('index.code')}
                emptyLabel={t('index.chooseCode')}
                options={adoptable.map((c) => ({ value: String(c.id), label: `${c.title[language]} (${c.version})${c.sectors.includes(institution.sector) ? ` · ${t('index.forSector')}` : ''}` }))}
                state={adoptState}
                required
              />
              <TextField name="adoptedFrom" type="date" label={t('index.adoptedFrom')} defaultValue={`${currentYear}-01-01`} state={adoptState} required />
            </div>
            <div className="form-actions"><IntentButton intent="adopt">{t('index.adopt')}</IntentButton></div>
          </Form>
        ) : null}
      </section>
    </>
  );
}
