import { Form, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton } from '~/components/form';
import type { LibraryError } from '../library-schema';

type UploadResult = { formError?: string; errors?: Record<string, string>; problems?: LibraryError[]; fileName?: string | null } | undefined;

/**
 * Upload a library file (JSON). A refused file comes back with every problem by path, in the
 * file's own terms, as the command line prints them.
 */
export function LibraryUpload({ title, explanation }: { title: string; explanation: string }) {
  const { t } = useTranslation('governance');
  const result = useActionData() as UploadResult;
  const problems = result?.problems ?? [];
  const fileError = result?.errors?.file;
  return (
    <section className="card" aria-labelledby="library-upload">
      <h2 id="library-upload">{title}</h2>
      <p>{explanation}</p>
      <Form method="post" encType="multipart/form-data" className="stack">
        <FormError message={result?.formError} />
        {problems.length > 0 ? (
          <div className="import-problems">
            <p>{t('import.problems', { count: problems.length, file: result?.fileName ?? '' })}</p>
            <ul>
              {problems.map((p, i) => <li key={i}><code>{p.path}</code>: {p.message}</li>)}
            </ul>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="library-file">{t('import.file')}</label>
          <span className="hint" id="library-file-hint">{t('import.fileHint')}</span>
          <input id="library-file" type="file" name="file" accept="application/json,.json" required aria-describedby={fileError ? 'library-file-hint library-file-error' : 'library-file-hint'} aria-invalid={fileError ? true : undefined} />
          {fileError ? <span className="error" id="library-file-error">{t(fileError)}</span> : null}
        </div>
        <div className="form-actions">
          <SubmitButton pendingLabel={t('import.importing')}>{t('import.submit')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
