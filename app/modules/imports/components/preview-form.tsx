import { Form, Link } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton } from '~/components/form';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import type { FieldErrors } from '~/utils/forms';
import { COLUMN_GROUPS, type ColumnKey } from '../columns';
import type { PartyPreview, Preview, PreviewRow } from '../preview';
import { choiceField, type Choice } from '../rules';
import { mappingField } from '../schema';

type Props = {
  preview: Preview;
  text: string;
  /** What was chosen on the last submission (kept when it comes back with errors). */
  chosen: Record<string, string>;
  errors: FieldErrors;
  formError?: string;
  restartHref: string;
};

const fieldList = (columns: ColumnKey[], t: TFunction) => columns.map((c) => t(`columns.${c}`)).join(', ');

function ChoiceLabel({ choice, rowLabel }: { choice: Choice; rowLabel: (row: number) => string }) {
  const { t } = useTranslation('imports');
  const reasons = 'reasons' in choice ? choice.reasons.map((r) => t(`parties:duplicates.reasons.${r}`)).join(', ') : '';
  if (choice.value === 'create') return <>{t('choices.create')}</>;
  if (choice.value === 'skip') return <>{t('choices.skip')}</>;
  if ('row' in choice) return <>{t('choices.sameAsRow', { row: rowLabel(choice.row), reasons })}</>;
  const label = [choice.label, choice.detail].filter(Boolean).join(' — ');
  if (choice.fills?.length) return <>{t('choices.existingFills', { label, reasons, fields: fieldList(choice.fills, t) })}</>;
  return <>{t('choices.existing', { label, reasons })}</>;
}

/** One party of a row: what the file says, what matches, and the choice. */
function PartyCell({
  kind, row, name, party, chosen, error, rowLabel,
}: {
  kind: 'person' | 'organisation'; row: PreviewRow; name: string | null; party: PartyPreview | null; chosen: Record<string, string>;
  error?: string; rowLabel: (row: number) => string;
}) {
  const { t } = useTranslation('imports');
  if (!name) return <td className="muted">{t('common:none')}</td>;
  if (!party) return <td>{name}</td>;
  const field = choiceField(kind, row.row);
  const id = `choice-${field}`;
  const value = chosen[field] ?? party.preset;
  return (
    <td>
      <div><strong>{name}</strong></div>
      {party.detail ? <div className="muted">{party.detail}</div> : null}
      {party.choices.map((choice) => ('fills' in choice && choice.fills?.length ? (
        <div key={choice.value} className="muted">{t('preview.fills', { label: choice.label, fields: fieldList(choice.fills, t) })}</div>
      ) : null))}
      {party.inactive.length ? (
        <div className="muted">{t('preview.inactiveMatches', { names: party.inactive.map((m) => m.label).join(', ') })}</div>
      ) : null}
      <div className="field">
        <label htmlFor={id} className="visually-hidden">{t(`preview.choiceFor.${kind}`, { row: rowLabel(row.row) })}</label>
        <select id={id} name={field} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
          {value === '' ? <option value="">{t('choices.choose')}</option> : null}
          {party.choices.map((choice) => (
            <option key={choice.value} value={choice.value}><ChoiceLabel choice={choice} rowLabel={rowLabel} /></option>
          ))}
        </select>
        {error ? <span className="error" id={`${id}-error`}>{t(error)}</span> : null}
      </div>
    </td>
  );
}

/**
 * The columns the import did not recognise, each with a few of its values and a choice of field
 * (or left out). Applying the choices reads the file again: a plain submit, no script needed.
 */
function ColumnMapping({ preview, errors }: { preview: Preview; errors: FieldErrors }) {
  const { t } = useTranslation('imports');
  const mappable = preview.columns.filter((c) => c.mappable);
  if (mappable.length === 0) return null;
  return (
    <fieldset className="card stack">
      <legend>{t('mapping.title')}</legend>
      <p>{t('mapping.intro')}</p>
      <TableWrap>
        <table>
          <TableCaption className="visually-hidden">{t('mapping.title')}</TableCaption>
          <thead>
            <tr>
              <th scope="col">{t('mapping.column')}</th>
              <th scope="col">{t('mapping.samples')}</th>
              <th scope="col">{t('mapping.field')}</th>
            </tr>
          </thead>
          <tbody>
            {mappable.map((column) => {
              const field = mappingField(column.index);
              const id = `mapping-${column.index}`;
              const error = errors[field];
              return (
                <tr key={column.index}>
                  <th scope="row">{column.header}</th>
                  <td className="muted">{column.samples.join(' · ') || t('common:none')}</td>
                  <td>
                    <div className="field">
                      <label htmlFor={id} className="visually-hidden">{t('mapping.choiceFor', { column: column.header })}</label>
                      <select id={id} name={field} defaultValue={preview.mapping[String(column.index)] ?? 'ignore'}
                        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
                        <option value="ignore">{t('mapping.ignore')}</option>
                        {(Object.keys(COLUMN_GROUPS) as (keyof typeof COLUMN_GROUPS)[]).map((group) => (
                          <optgroup key={group} label={t(`help.groups.${group}`)}>
                            {COLUMN_GROUPS[group].map((key) => <option key={key} value={key}>{t(`columns.${key}`)}</option>)}
                          </optgroup>
                        ))}
                      </select>
                      {error ? <span className="error" id={`${id}-error`}>{t(error)}</span> : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      <div className="form-actions">
        <button type="submit" name="intent" value="map" className="button-secondary">{t('mapping.apply')}</button>
      </div>
    </fieldset>
  );
}

/**
 * Step 2: every record with its problems or its choices, and one button that imports them all —
 * or nothing. The file itself travels back in hidden fields, so nothing is stored in between.
 */
export function PreviewForm({ preview, text, chosen, errors, formError, restartHref }: Props) {
  const { t } = useTranslation('imports');
  const rowLabel = (row: number) => t(preview.format === 'vcard' ? 'preview.card' : 'preview.row', { row });
  const withErrors = preview.rows.filter((r) => r.errors.length).length;
  // A row waits for a choice where the rules were unsure and nothing has been chosen yet.
  const undecided = (row: PreviewRow) => (['person', 'organisation'] as const).some((kind) => row[kind] && (chosen[choiceField(kind, row.row)] ?? row[kind]!.preset) === '');
  const undecidedCount = preview.rows.filter(undecided).length;
  const ignored = preview.columns.filter((c) => !c.key).map((c) => c.header).filter(Boolean);
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('preview.title', { file: preview.filename })}</h2>
      <ul className="changes">
        <li>{t(`preview.format.${preview.format}`)}{preview.delimiter ? ` · ${t(`preview.delimiter.${preview.delimiter === '\t' ? 'tab' : preview.delimiter === ';' ? 'semicolon' : 'comma'}`)}` : ''} · {t(`preview.encoding.${preview.encoding}`)}</li>
        {ignored.length ? <li>{t('preview.ignoredColumns', { columns: ignored.join(', ') })}</li> : null}
        <li>{t('preview.source', { source: preview.source })}{preview.legalBasis ? ` · ${t('preview.legalBasis', { basis: t(`parties:legalBases.${preview.legalBasis}`) })}` : ''}</li>
      </ul>
      <div className="stats">
        <div className="stat"><div className="stat-value">{preview.rows.length}</div><div className="stat-label">{t('preview.records')}</div></div>
        <div className={`stat${withErrors ? ' stat-danger' : ''}`}><div className="stat-value">{withErrors}</div><div className="stat-label">{t('preview.withErrors')}</div></div>
        <div className={`stat${undecidedCount ? ' stat-warn' : ''}`}><div className="stat-value">{undecidedCount}</div><div className="stat-label">{t('preview.undecided')}</div></div>
      </div>
      <Form method="post" className="stack">
        <FormError message={formError} />
        <input type="hidden" name="filename" value={preview.filename} />
        <input type="hidden" name="encoding" value={preview.encoding} />
        <input type="hidden" name="source" value={preview.source} />
        <input type="hidden" name="legalBasis" value={preview.legalBasis ?? ''} />
        <input type="hidden" name="fingerprint" value={preview.fingerprint} />
        <input type="hidden" name="text" value={text} />
        <ColumnMapping preview={preview} errors={errors} />
        {preview.problem ? null : (
          <>
            <TableWrap>
              <table>
                <TableCaption>{t('preview.caption')}</TableCaption>
                <thead>
                  <tr>
                    <th scope="col">{t(preview.format === 'vcard' ? 'preview.cardHeader' : 'preview.rowHeader')}</th>
                    <th scope="col">{t('preview.organisation')}</th>
                    <th scope="col">{t('preview.person')}</th>
                    <th scope="col">{t('preview.position')}</th>
                    <th scope="col">{t('preview.problems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={row.row}>
                      <th scope="row">{row.row}</th>
                      <PartyCell kind="organisation" row={row} name={row.organisationName} party={row.organisation} chosen={chosen}
                        error={errors[choiceField('organisation', row.row)]} rowLabel={rowLabel} />
                      <PartyCell kind="person" row={row} name={row.personName} party={row.person} chosen={chosen}
                        error={errors[choiceField('person', row.row)]} rowLabel={rowLabel} />
                      <td>{row.title ?? <span className="muted">{t('common:none')}</span>}</td>
                      <td>
                        {row.errors.length ? (
                          <>
                            <span className="badge badge-danger">{t('preview.skipped')}</span>
                            <ul className="changes">
                              {row.errors.map((e) => (
                                <li key={e.field}>{e.field === 'row' ? '' : `${t(`columns.${e.field}`)}: `}{t(e.message)}</li>
                              ))}
                            </ul>
                          </>
                        ) : undecided(row)
                          ? <span className="badge badge-warn">{t('preview.choose')}</span>
                          : <span className="badge badge-ok">{t('preview.ok')}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <p className="muted">{t('preview.allOrNothing')}</p>
          </>
        )}
        <div className="form-actions">
          {preview.problem ? null : <SubmitButton pendingLabel={t('preview.importing')}>{t('preview.import')}</SubmitButton>}
          <Link to={restartHref}>{t('preview.startAgain')}</Link>
        </div>
      </Form>
    </section>
  );
}
