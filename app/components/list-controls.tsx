import { Form, Link, useLocation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The same URL with some search params replaced (undefined removes one). */
export function withParams(search: string, changes: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') params.delete(key);
    else params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '?';
}

/**
 * A column header that sorts the list through the URL: the first click sorts ascending, the next
 * one flips the direction; paging starts again at page 1.
 */
export function SortHeader({
  column, current, children, className,
}: { column: string; current: { sort: string; dir: 'asc' | 'desc' }; children: ReactNode; className?: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const active = current.sort === column;
  const nextDir = active && current.dir === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" className={className} aria-sort={active ? (current.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link to={withParams(search, { sort: column, dir: nextDir, page: undefined })}>
        {children}
        {active ? <span className="visually-hidden"> ({t(current.dir === 'asc' ? 'table.sortAscending' : 'table.sortDescending')})</span> : null}
        {active ? <span aria-hidden="true">{current.dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
      </Link>
    </th>
  );
}

/**
 * "Showing 1–25 of 120" with previous/next links that keep every other search param. `param`
 * names the page's search param and `label` its navigation, for a page with more than one paged list.
 */
export function Pagination({
  page, perPage, total, param = 'page', label,
}: { page: number; perPage: number; total: number; param?: string; label?: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (total === 0) return null;
  const from = Math.min(total, (page - 1) * perPage + 1);
  const to = Math.min(total, page * perPage);
  return (
    <div className="pagination">
      <span>{from <= to ? t('table.showing', { from, to, total }) : t('table.page', { page, pages })}</span>
      <nav aria-label={label ?? t('table.pagination')}>
        {page > 1 ? <Link to={withParams(search, { [param]: Math.min(page - 1, pages) })} rel="prev">{t('table.previous')}</Link> : null}
        <span>{t('table.page', { page, pages })}</span>
        {page < pages ? <Link to={withParams(search, { [param]: page + 1 })} rel="next">{t('table.next')}</Link> : null}
      </nav>
    </div>
  );
}

/** A search box for a list: a GET form, so the term lives in the URL; sort order is kept, paging restarts. */
export function SearchForm({ label, defaultValue, keep = {} }: { label: string; defaultValue?: string; keep?: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filters" role="search">
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <div className="field">
        <label htmlFor="list-search">{label}</label>
        <input id="list-search" type="search" name="q" defaultValue={defaultValue ?? ''} />
      </div>
      <button type="submit" className="button-secondary">{t('actions.search')}</button>
    </Form>
  );
}

export type FilterOption = { value: string | number; label: string };

/**
 * One select of a list's filter form (a GET form, so the choice lives in the URL). `any` is the
 * text of the first, empty option that filters nothing; leave it out when every option filters.
 */
export function SelectFilter({
  id, name, label, value, options, any,
}: { id: string; name: string; label: string; value: string | number | null | undefined; options: readonly FilterOption[]; any?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value === null || value === undefined ? '' : String(value)}>
        {any === undefined ? null : <option value="">{any}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

/** A filter form's buttons: apply the filters, or go back to the bare list (`clearTo`, by default this page without a query). */
export function FilterActions({ clearTo }: { clearTo?: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <div className="form-actions">
      <button type="submit">{t('actions.filter')}</button>
      <Link to={clearTo ?? pathname}>{t('actions.clearFilters')}</Link>
    </div>
  );
}
