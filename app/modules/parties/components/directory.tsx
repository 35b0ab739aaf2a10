import { Form, Link, useLocation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Search, active/inactive and (for organisations) kind, as a GET form: the filters live in the URL. */
export function DirectoryFilters({
  label, q, show, sort, children,
}: {
  label: string;
  q?: string;
  show: 'active' | 'inactive' | 'all';
  sort: { sort: string; dir: string };
  children?: ReactNode;
}) {
  const { t } = useTranslation('parties');
  const { pathname } = useLocation();
  return (
    <Form method="get" className="filters" role="search" aria-label={label}>
      <input type="hidden" name="sort" value={sort.sort} />
      <input type="hidden" name="dir" value={sort.dir} />
      <div className="field">
        <label htmlFor="directory-q">{label}</label>
        <input id="directory-q" type="search" name="q" defaultValue={q ?? ''} />
      </div>
      {children}
      <div className="field">
        <label htmlFor="directory-show">{t('filters.show')}</label>
        <select id="directory-show" name="show" defaultValue={show}>
          {(['active', 'inactive', 'all'] as const).map((value) => <option key={value} value={value}>{t(`filters.shows.${value}`)}</option>)}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit">{t('common:actions.filter')}</button>
        <Link to={pathname}>{t('common:actions.clearFilters')}</Link>
      </div>
    </Form>
  );
}
