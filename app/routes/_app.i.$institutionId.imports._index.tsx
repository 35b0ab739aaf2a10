import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Field, SelectField, SubmitButton, TextField } from '~/components/form';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireInstitution } from '~/modules/auth/guards.server';
import { COLUMN_GROUPS, MAX_FILE_BYTES, MAX_RECORDS, TEMPLATE_HEADERS } from '~/modules/imports/columns';
import { PreviewForm } from '~/modules/imports/components/preview-form';
import { commitImport } from '~/modules/imports/mutations.server';
import type { Preview } from '~/modules/imports/preview';
import { analyseImport, type Analysis } from '~/modules/imports/preview.server';
import { listImports } from '~/modules/imports/queries.server';
import { commitSchema, fileSchema, mappingFrom } from '~/modules/imports/schema';
import { readUpload } from '~/modules/imports/upload.server';
import { LEGAL_BASES } from '~/modules/parties/schema';
import { DomainError, statusOf } from '~/utils/errors';
import { formValues, parseForm, type FieldErrors } from '~/utils/forms';
import { formatInstant } from '~/utils/instants';
import { redirectWithToast } from '~/utils/session.server';

/** What the page shows after a submission: the preview, or why there is none. */
type ImportAnswer = {
  preview?: Preview;
  text?: string;
  chosen?: Record<string, string>;
  errors: FieldErrors;
  formError?: string;
  line?: number;
};

// Importing writes to the register: secretaries and managers; a supervisor gets 403.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  return json({ institution, imports: await listImports(institution.id) });
}

const refused = (answer: Omit<ImportAnswer, 'errors'> & { errors?: FieldErrors }, status = 400) =>
  json<ImportAnswer>({ errors: {}, ...answer }, { status });

/** The preview of an analysis, refused (400) while the columns cannot be read as they are mapped. */
function previewAnswer(analysis: Analysis, text: string, chosen: Record<string, string>, errors: FieldErrors = {}) {
  const problem = analysis.preview.problem;
  const allErrors = { ...analysis.mappingErrors, ...errors, ...(problem ? { file: problem } : {}) };
  const failed = Object.keys(allErrors).length > 0;
  return json<ImportAnswer>(
    { preview: analysis.preview, text, chosen, errors: allErrors, formError: problem ?? (failed ? 'imports:errors.mapping' : undefined) },
    { status: failed ? 400 : 200 },
  );
}

/**
 * Two steps on one page. A multipart post is step 1 (read and preview, nothing written); a plain
 * post carries the same file back in hidden fields with the columns as mapped: `intent=map`
 * previews it again with that mapping, otherwise it is step 2 (read and checked again, then
 * written at once).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  if ((request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) {
    const upload = await readUpload(request);
    if (!('file' in upload)) return refused(upload);
    const analysis = await analyseImport(institution.id, upload.file);
    if ('problem' in analysis) return refused({ errors: { file: analysis.problem }, line: analysis.line });
    return previewAnswer(analysis, upload.file.text, {});
  }

  const formData = await request.formData();
  const values = formValues(formData);
  const remap = values.intent === 'map';
  const form = parseForm(remap ? fileSchema : commitSchema, formData);
  if (!form.success) return refused({ errors: form.errors, formError: form.errors.text ?? form.errors.fingerprint ?? 'common:errors.invalid' });
  const { text, filename, encoding, source, legalBasis } = form.data;
  const { mapping, errors: mappingErrors } = mappingFrom(values);
  const analysis = await analyseImport(institution.id, { text, filename, encoding, source, legalBasis }, mapping);
  if ('problem' in analysis) return refused({ errors: { file: analysis.problem }, formError: analysis.problem, line: analysis.line });
  // Another mapping reads other rows: the choices made for the old ones start again.
  if (remap || Object.keys(mappingErrors).length || analysis.preview.problem || Object.keys(analysis.mappingErrors).length) {
    return previewAnswer(analysis, text, {}, mappingErrors);
  }
  // Not a map request, so commitSchema has checked the fingerprint.
  const chosen = Object.fromEntries(Object.entries(values).filter(([key, value]) => /^(person|organisation)-\d+$/.test(key) && typeof value === 'string')) as Record<string, string>;
  try {
    const { importId } = await commitImport(actor, { institutionId: institution.id, analysis, choices: chosen, fingerprint: String(values.fingerprint) });
    return redirectWithToast(request, `/i/${institution.id}/imports/${importId}`, 'imports:toast.imported');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // Back to the preview as it stands now, with what was chosen and why it was refused.
    return refused({ preview: analysis.preview, text, chosen, errors: error.fieldErrors, formError: error.messageKey }, statusOf(error.code));
  }
}

function ColumnsHelp() {
  const { t } = useTranslation('imports');
  return (
    <details className="card">
      <summary>{t('help.columnsTitle')}</summary>
      <p>{t('help.columnsIntro')}</p>
      <TableWrap>
        <table>
          <TableCaption>{t('help.columnsCaption')}</TableCaption>
          <thead>
            <tr>
              <th scope="col">{t('help.column')}</th>
              <th scope="col">{t('help.headerEn')}</th>
              <th scope="col">{t('help.headerNl')}</th>
              <th scope="col">{t('help.meaning')}</th>
            </tr>
          </thead>
          {(Object.keys(COLUMN_GROUPS) as (keyof typeof COLUMN_GROUPS)[]).map((group) => (
            <tbody key={group}>
              <tr><th scope="rowgroup" colSpan={4}>{t(`help.groups.${group}`)}</th></tr>
              {COLUMN_GROUPS[group].map((key) => (
                <tr key={key}>
                  <th scope="row">{t(`columns.${key}`)}</th>
                  <td><code>{TEMPLATE_HEADERS.en[key]}</code></td>
                  <td><code>{TEMPLATE_HEADERS.nl[key]}</code></td>
                  <td>{t(`help.meanings.${key}`)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </TableWrap>
      <p>{t('help.vcard')}</p>
    </details>
  );
}

export default function Imports() {
  const { t, i18n } = useTranslation('imports');
  const { institution, imports } = useLoaderData<typeof loader>();
  const answer = useActionData<ImportAnswer>();
  const base = `/i/${institution.id}/imports`;
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const limits = { size: `${MAX_FILE_BYTES / 1_000_000} MB`, records: MAX_RECORDS };
  const fileError = answer?.errors.file;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="subtitle">{t('intro')}</p>
        </div>
      </div>

      {answer?.preview && answer.text !== undefined ? (
        <PreviewForm
          preview={answer.preview}
          text={answer.text}
          chosen={answer.chosen ?? {}}
          errors={answer.errors}
          formError={answer.formError}
          restartHref={base}
        />
      ) : (
        <>
          {answer?.formError && !fileError ? <div className="form-error" role="alert">{t(answer.formError)}</div> : null}
          <Form method="post" encType="multipart/form-data" className="card stack" aria-labelledby="upload-heading">
            <h2 id="upload-heading">{t('upload.title')}</h2>
            <p>{t('upload.intro', limits)}</p>
            <Field name="file" label={t('upload.file')} hint={t('upload.fileHint', limits)} error={undefined} required>
              {(props) => <input {...props} type="file" name="file" accept=".csv,.txt,.vcf,.vcard,text/csv,text/vcard" aria-invalid={fileError ? true : undefined} />}
            </Field>
            {fileError ? (
              <div className="form-error" role="alert">
                {t(fileError, limits)}
                {answer?.line ? ` ${t('errors.atLine', { line: answer.line })}` : ''}
              </div>
            ) : null}
            <TextField name="source" label={t('upload.source')} hint={t('upload.sourceHint')} state={{ errors: answer?.errors ?? {}, values: {} }} />
            <SelectField
              name="legalBasis"
              label={t('upload.legalBasis')}
              hint={t('upload.legalBasisHint')}
              emptyLabel={t('parties:legalBases.none')}
              options={LEGAL_BASES.map((basis) => ({ value: basis, label: t(`parties:legalBases.${basis}`) }))}
              state={{ errors: answer?.errors ?? {}, values: {} }}
            />
            <div className="form-actions">
              <SubmitButton pendingLabel={t('upload.reading')}>{t('upload.preview')}</SubmitButton>
              <a href={`${base}/template.csv?headers=nl`} download>{t('upload.templateNl')}</a>
              <a href={`${base}/template.csv?headers=en`} download>{t('upload.templateEn')}</a>
            </div>
          </Form>
          <ColumnsHelp />
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">{t('history.title')}</h2>
            {imports.length === 0 ? <p className="empty">{t('history.none')}</p> : (
              <TableWrap>
                <table>
                  <TableCaption className="visually-hidden">{t('history.title')}</TableCaption>
                  <thead>
                    <tr>
                      <th scope="col">{t('history.when')}</th>
                      <th scope="col">{t('history.by')}</th>
                      <th scope="col">{t('history.records')}</th>
                      <th scope="col">{t('history.created')}</th>
                      <th scope="col">{t('history.skipped')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {imports.map((item) => (
                      <tr key={item.id}>
                        <td><Link to={`${base}/${item.id}`}><time dateTime={item.occurredAt}>{formatInstant(item.occurredAt, locale)}</time></Link></td>
                        <td>{item.actorLabel}</td>
                        <td>{t(`preview.format.${item.format}`)} · {item.records}</td>
                        <td>{item.created}</td>
                        <td>{item.skipped}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </section>
        </>
      )}
    </>
  );
}
