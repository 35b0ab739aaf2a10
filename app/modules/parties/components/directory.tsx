import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterActions, SelectFilter } from '~/components/list-controls';

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
  return (
    <Form method="get" className="filters" role="search" aria-label={label}>
      <input type="hidden" name="sort" value={sort.sort} />
      <input type="hidden" name="dir" value={sort.dir} />
      <div className="field">
        <label htmlFor="directory-q">{label}</label>
        <input id="directory-q" type="search" name="q" defaultValue={q ?? ''} />
      </div>
      {children}
      <SelectFilter id="directory-show" name="show" label={t('filters.show')} value={show}
        options={(['active', 'inactive', 'all'] as const).map((value) => ({ value, label: t(`filters.shows.${value}`) }))} />
      <FilterActions />
    </Form>
  );
}
