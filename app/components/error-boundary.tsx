import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** The one mapping from an error's HTTP status to what a person reads. */
function describe(status: number | null): { title: string; body: string } {
  switch (status) {
    case 404:
      return { title: 'errors.notFoundTitle', body: 'errors.notFound' };
    case 403:
      return { title: 'errors.forbiddenTitle', body: 'errors.forbidden' };
    case 409:
      return { title: 'errors.conflictTitle', body: 'errors.conflict' };
    default:
      return { title: 'errors.title', body: 'errors.unexpected' };
  }
}

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : null;
  if (!status || status >= 500) console.error(error);
  const { title, body } = describe(status);
  return (
    <div className="centered-page" role="alert">
      <p className="muted">{t('errors.status', { status: status ?? 500 })}</p>
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
      <p><Link to="/">{t('errors.goHome')}</Link></p>
    </div>
  );
}
