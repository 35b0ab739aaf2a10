import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FilterActions, Pagination, SortHeader } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { formatInstant } from '~/utils/instants';
import type { AuditEventView, AuditFilters } from '../schema';
import { actorName, AuditChanges } from './history';

type Options = { entities: string[]; actors: { id: number | 'system'; label: string }[] };

/**
 * The filter form of an audit page: a GET form, so every filter lives in the URL and a filtered
 * trail can be bookmarked or sent on. Bad values come back with a message beside their field.
 */
export function AuditFiltersForm({
  filters, errors, options, sort,
}: { filters: AuditFilters; errors: Record<string, string>; options: Options; sort: { sort: string; dir: string } }) {
  const { t } = useTranslation('audit');
  const described = (name: string) => (errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': `audit-${name}-error` } : {});
  const error = (name: string) => (errors[name] ? <span className="error" id={`audit-${name}-error`}>{t(errors[name]!)}</span> : null);
  return (
    <Form method="get" className="filters" aria-label={t('filters.label')}>
      <input type="hidden" name="sort" value={sort.sort} />
      <input type="hidden" name="dir" value={sort.dir} />
      {filters.entityId ? <input type="hidden" name="entityId" value={filters.entityId} /> : null}
      <div className="field">
        <label htmlFor="audit-entity">{t('filters.entity')}</label>
        <select id="audit-entity" name="entity" defaultValue={filters.entity ?? ''} {...described('entity')}>
          <option value="">{t('filters.allEntities')}</option>
          {options.entities.map((entity) => (
            <option key={entity} value={entity}>{t(`entities.${entity}`, { defaultValue: entity })}</option>
          ))}
        </select>
        {error('entity')}
      </div>
      <div className="field">
        <label htmlFor="audit-actor">{t('filters.actor')}</label>
        <select id="audit-actor" name="actor" defaultValue={filters.actor === undefined ? '' : String(filters.actor)} {...described('actor')}>
          <option value="">{t('filters.allActors')}</option>
          {options.actors.map((actor) => (
            <option key={actor.id} value={String(actor.id)}>{actorName(t, actor.label)}</option>
          ))}
        </select>
        {error('actor')}
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t('filters.from')}</label>
        <input id="audit-from" type="date" name="from" defaultValue={filters.from ?? ''} {...described('from')} />
        {error('from')}
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t('filters.to')}</label>
        <input id="audit-to" type="date" name="to" defaultValue={filters.to ?? ''} {...described('to')} />
        {error('to')}
      </div>
      <FilterActions />
    </Form>
  );
}

type Row = AuditEventView & { institutionName?: string | null };

/** The trail as a table: when, who, what happened to which record, and the changed fields. */
export function AuditTable({
  rows, total, params, showInstitution = false,
}: { rows: Row[]; total: number; params: { page: number; perPage: number; sort: string; dir: 'asc' | 'desc' }; showInstitution?: boolean }) {
  const { t, i18n } = useTranslation('audit');
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  if (rows.length === 0) return <p className="empty">{t('trail.none')}</p>;
  return (
    <>
      <TableWrap>
        <table>
          <TableCaption>{t('trail.caption', { total })}</TableCaption>
          <thead>
            <tr>
              <SortHeader column="occurredAt" current={params}>{t('trail.when')}</SortHeader>
              <SortHeader column="actor" current={params}>{t('trail.who')}</SortHeader>
              {showInstitution ? <th scope="col">{t('trail.institution')}</th> : null}
              <SortHeader column="entity" current={params}>{t('trail.record')}</SortHeader>
              <th scope="col">{t('trail.action')}</th>
              <th scope="col">{t('trail.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td><time dateTime={row.occurredAt}>{formatInstant(row.occurredAt, locale)}</time></td>
                <td>{actorName(t, row.actorLabel)}</td>
                {showInstitution ? <td>{row.institutionName ?? t('common:none')}</td> : null}
                <td>
                  {t(`entities.${row.entity}`, { defaultValue: row.entity })}
                  {row.entityId ? <span className="muted">{` #${row.entityId}`}</span> : null}
                </td>
                <td>{t(`actions.${row.action}`, { defaultValue: row.action })}</td>
                <td><AuditChanges changes={row.changes} entity={row.entity} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pagination page={params.page} perPage={params.perPage} total={total} />
    </>
  );
}
