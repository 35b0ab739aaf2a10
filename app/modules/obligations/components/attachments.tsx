import { Form } from '@remix-run/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { IntentButton } from '~/components/form-extras';
import type { FieldErrors, FormValues } from '~/utils/forms';
import { formatInstant } from '~/utils/instants';
import { ACCEPT_ATTRIBUTE, formatBytes, MAX_FILE_BYTES, type AttachmentView } from '../attachments';
import { useDateLocale } from './moment-status';

/**
 * Files and links with their download links; with `removeIntent`, each has a remove button (a
 * plain POST form carrying the attachment's id).
 */
export function AttachmentList({
  attachments, downloadHref, removeIntent,
}: { attachments: AttachmentView[]; downloadHref: (id: number) => string; removeIntent?: string }) {
  const { t } = useTranslation('obligations');
  const locale = useDateLocale();
  if (attachments.length === 0) return <p className="empty">{t('attachments.none')}</p>;
  return (
    <ul className="list">
      {attachments.map((a) => (
        <li key={a.id}>
          <div>
            {a.kind === 'file' ? (
              <a href={downloadHref(a.id)} download>{a.title}</a>
            ) : (
              <a href={a.url ?? '#'} rel="noopener noreferrer" target="_blank">{a.title}</a>
            )}
            <div className="muted">
              {a.kind === 'file'
                ? t('attachments.fileFacts', { name: a.fileName, size: formatBytes(a.sizeBytes ?? 0, locale) })
                : t('attachments.linkFacts', { url: a.url })}
              {' · '}
              {t('attachments.added', { when: formatInstant(a.createdAt, locale), who: a.uploadedBy ?? t('attachments.someone') })}
            </div>
          </div>
          {removeIntent ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="attachmentId" value={a.id} />
              <IntentButton intent={removeIntent} match={{ attachmentId: String(a.id) }} className="button-secondary button-small">
                {t('attachments.remove')}
                <span className="visually-hidden"> {a.title}</span>
              </IntentButton>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The fields of a file-or-link upload: a file (with the accepted types and size said up front), or
 * a link, with an optional title. The surrounding form must be `encType="multipart/form-data"`.
 */
export function AttachmentFields({
  prefix = '', state, legend,
}: { prefix?: string; state: { errors: FieldErrors; values: FormValues }; legend: string }) {
  const { t } = useTranslation('obligations');
  const name = (field: string) => (prefix ? `${prefix}${field[0].toUpperCase()}${field.slice(1)}` : field);
  const fileName = name('file');
  const error = (field: string) => state.errors[name(field)];
  const value = (field: string) => {
    const typed = state.values[name(field)];
    return typeof typed === 'string' ? typed : '';
  };
  const uid = useId();
  const id = (field: string) => `${uid}-${field}`;
  const described = (field: string, hint = false) => {
    const ids = [hint ? `${id(field)}-hint` : '', error(field) ? `${id(field)}-error` : ''].filter(Boolean).join(' ');
    return { 'aria-describedby': ids || undefined, 'aria-invalid': error(field) ? (true as const) : undefined };
  };
  return (
    <fieldset className="stack">
      <legend>{legend}</legend>
      <div className="field">
        <label htmlFor={id('file')}>{t('attachments.file')}</label>
        <span className="hint" id={`${id('file')}-hint`}>
          {t('attachments.fileHint', { max: MAX_FILE_BYTES / 1024 / 1024, types: 'PDF, DOCX, XLSX, ODT, ODS, PNG, JPG, TXT, CSV' })}
        </span>
        <input id={id('file')} type="file" name={fileName} accept={ACCEPT_ATTRIBUTE} {...described('file', true)} />
        {error('file') ? <span className="error" id={`${id('file')}-error`}>{t(error('file')!)}</span> : null}
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={id('url')}>{t('attachments.url')}</label>
          <input id={id('url')} type="url" name={name('url')} defaultValue={value('url')} placeholder="https://" {...described('url')} />
          {error('url') ? <span className="error" id={`${id('url')}-error`}>{t(error('url')!)}</span> : null}
        </div>
        <div className="field">
          <label htmlFor={id('title')}>{t('attachments.title')}</label>
          <input id={id('title')} type="text" name={name('title')} defaultValue={value('title')} {...described('title')} />
          {error('title') ? <span className="error" id={`${id('title')}-error`}>{t(error('title')!)}</span> : null}
        </div>
      </div>
    </fieldset>
  );
}
