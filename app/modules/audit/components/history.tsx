import { Link } from '@remix-run/react';
import { useId } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DateLocale } from '~/utils/dates';
import { formatInstant } from '~/utils/instants';
import type { AuditEventView } from '../schema';
import { valueCatalogue } from '../value-labels';

type HistoryEvent = Pick<AuditEventView, 'id' | 'occurredAt' | 'actorLabel' | 'entity' | 'action' | 'changes'>;

/**
 * A stored value as a person reads it: a dash for nothing, yes/no, the area's label for an
 * enumerated field of that record (value-labels.ts), or the text.
 */
export function formatAuditValue(t: TFunction, field: string, value: unknown, entity?: string): string {
  if (value === null || value === undefined || value === '') return t('common:none');
  if (typeof value === 'boolean') return t(value ? 'common:yes' : 'common:no');
  if (typeof value === 'string') {
    const catalogue = valueCatalogue(field, entity);
    return catalogue ? t(`${catalogue}.${value}`, { defaultValue: value }) : value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** Scripts and scheduled jobs act as `system`; everyone else is named by their email at the time. */
export const actorName = (t: TFunction, label: string) => (label === 'system' ? t('audit:actors.system') : label);

/** The changed fields of one event; `entity` is the record's kind, which says what `status` or `kind` means. */
export function AuditChanges({ changes, entity }: { changes: HistoryEvent['changes']; entity?: string }) {
  const { t } = useTranslation('audit');
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return null;
  return (
    <ul className="changes">
      {entries.map(([field, [before, after]]) => (
        <li key={field}>
          {t('history.change', {
            field: t(`fields.${field}`, { defaultValue: field }),
            before: formatAuditValue(t, field, before, entity),
            after: formatAuditValue(t, field, after, entity),
          })}
        </li>
      ))}
    </ul>
  );
}

/**
 * The history of one record — when, who, what, and each changed field before → after — for any
 * record page. Give it the rows of `listHistory`; `moreHref` links to the full trail when cut short.
 */
export function History({
  events, more = false, moreHref, headingLevel = 2,
}: { events: HistoryEvent[]; more?: boolean; moreHref?: string; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation('audit');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = useId();
  const locale = (i18n.language === 'en' ? 'en' : 'nl') satisfies DateLocale;
  return (
    <section className="card history" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('history.title')}</Heading>
      {events.length === 0 ? (
        <p className="empty">{t('history.none')}</p>
      ) : (
        <ol className="timeline">
          {events.map((event) => (
            <li key={event.id}>
              <div>
                <strong>{t(`actions.${event.action}`, { defaultValue: event.action })}</strong>{' '}
                <span className="muted">
                  {t('history.by', { actor: actorName(t, event.actorLabel) })} ·{' '}
                  <time dateTime={event.occurredAt}>{formatInstant(event.occurredAt, locale)}</time>
                </span>
              </div>
              <AuditChanges changes={event.changes} entity={event.entity} />
            </li>
          ))}
        </ol>
      )}
      {more && moreHref ? <p><Link to={moreHref}>{t('history.more')}</Link></p> : null}
    </section>
  );
}
