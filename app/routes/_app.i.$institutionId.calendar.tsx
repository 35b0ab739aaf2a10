import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FilterActions, Pagination, SelectFilter, withParams } from '~/components/list-controls';
import { requireInstitution } from '~/modules/auth/guards.server';
import { useDateLocale } from '~/modules/obligations/components/moment-status';
import { MomentTable } from '~/modules/obligations/components/moment-table';
import { MonthGrid } from '~/modules/obligations/components/month-grid';
import { listMemberOptions, WRITE_ROLES } from '~/modules/obligations/people.server';
import {
  countMomentsByStatus, listMomentFilterOptions, listMoments, listMomentsInMonth, monthRange, SHORT_OPTION_LIST, type MomentFilterPicker,
} from '~/modules/obligations/queries.server';
import { MOMENT_STATUSES } from '~/modules/obligations/rules';
import {
  MAX_MOMENT_SEARCH, MOMENT_SORTS, MOMENT_STATUS_FILTERS, parseMomentFilters, parseMonth,
} from '~/modules/obligations/schema';
import { addMonths, monthName, today, yearOf } from '~/utils/dates';
import { parseListParams } from '~/utils/list-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, user } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const day = today();
  const view = searchParams.get('view') === 'month' ? 'month' : 'agenda';
  // The agenda starts with what still asks for something; the month shows everything due in it.
  const filters = parseMomentFilters(searchParams, user.id, view === 'month' ? 'all' : 'open');
  const list = parseListParams(searchParams, MOMENT_SORTS, { sort: 'dueOn', dir: 'asc', perPage: 50 });
  const month = parseMonth(searchParams.get('month'), day);
  // In the month view the month is a filter too: the tiles count it and the options are its own.
  const shown = view === 'month' ? { ...filters, ...monthRange(month) } : filters;
  const [page, monthMoments, counts, members, { stakeholder, obligation }] = await Promise.all([
    view === 'agenda' ? listMoments(institution.id, filters, list, day) : null,
    view === 'month' ? listMomentsInMonth(institution.id, filters, month, day) : null,
    countMomentsByStatus(institution.id, shown, day),
    listMemberOptions(institution.id, WRITE_ROLES),
    listMomentFilterOptions(institution.id, shown, day),
  ]);
  return json({
    institution, view, filters, list, month, page, monthMoments, counts, members, stakeholder, obligation, today: day, userId: user.id,
  });
}

type Tab = 'agenda' | 'overdue' | 'mine' | 'month';

export default function Calendar() {
  const { t } = useTranslation('calendar');
  const locale = useDateLocale();
  const { pathname, search } = useLocation();
  const data = useLoaderData<typeof loader>();
  const { institution, view, filters, list, month, page, monthMoments, counts, members, stakeholder, obligation, today: day } = data;
  const base = `/i/${institution.id}`;
  const responsibleParam = filters.responsibleParam;
  const tab: Tab = view === 'month' ? 'month' : responsibleParam === 'me' ? 'mine' : filters.status === 'overdue' ? 'overdue' : 'agenda';
  const tabs: { key: Tab; to: string }[] = [
    { key: 'agenda', to: pathname },
    { key: 'overdue', to: `${pathname}?status=overdue` },
    { key: 'mine', to: `${pathname}?responsible=me` },
    { key: 'month', to: `${pathname}?view=month` },
  ];
  const exportQuery = (() => {
    const params = new URLSearchParams(search);
    params.delete('page');
    params.delete('view');
    params.delete('month');
    if (!params.has('status')) params.set('status', filters.status);
    return params.toString();
  })();
  const monthHref = (m: string) => {
    const params = new URLSearchParams(search);
    params.set('view', 'month');
    params.set('month', m.slice(0, 7));
    return `${pathname}?${params}`;
  };
  const statusHref = (status: string) => {
    const params = new URLSearchParams(search);
    params.set('status', status);
    params.delete('page');
    return `${pathname}?${params}`;
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="subtitle">{t('intro')}</p>
        </div>
        <div className="page-actions">
          <a className="button button-secondary" href={`${base}/calendar.csv?${exportQuery}`} download>{t('common:actions.downloadCsv')}</a>
          <a className="button button-secondary" href={`${base}/calendar.xlsx?${exportQuery}`} download>{t('common:actions.downloadXlsx')}</a>
          <a className="button button-secondary" href={`${base}/calendar.ics`} download>{t('export.ics')}</a>
        </div>
      </div>

      <nav className="tabs" aria-label={t('tabs.label')}>
        {tabs.map(({ key, to }) => (
          <Link key={key} to={to} aria-current={tab === key ? 'page' : undefined}>{t(`tabs.${key}`)}</Link>
        ))}
      </nav>

      <ul className="stats calendar-stats" aria-label={t('counts.label')}>
        {MOMENT_STATUSES.map((status) => (
          <li key={status}>
            <Link
              to={statusHref(status)}
              className={`stat${status === 'overdue' && counts.overdue > 0 ? ' stat-danger' : status === 'due-soon' && counts['due-soon'] > 0 ? ' stat-warn' : ''}`}
            >
              <span className="stat-value">{counts[status]}</span> <span className="stat-label">{t(`obligations:status.${status}`)}</span>
            </Link>
          </li>
        ))}
      </ul>

      <Form method="get" className="filters" aria-label={t('filters.label')}>
        {view === 'month' ? <><input type="hidden" name="view" value="month" /><input type="hidden" name="month" value={month.slice(0, 7)} /></> : null}
        {view === 'agenda' ? <><input type="hidden" name="sort" value={list.sort} /><input type="hidden" name="dir" value={list.dir} /></> : null}
        <div className="field">
          <label htmlFor="calendar-status">{t('filters.status')}</label>
          <select id="calendar-status" name="status" defaultValue={filters.status}>
            {MOMENT_STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>{s === 'open' || s === 'all' ? t(`filters.statuses.${s}`) : t(`obligations:status.${s}`)}</option>
            ))}
          </select>
        </div>
        <SelectFilter id="calendar-responsible" name="responsible" label={t('filters.responsible')} value={responsibleParam} any={t('filters.anyone')}
          options={[{ value: 'me', label: t('filters.me') }, ...members.map((m) => ({ value: m.id, label: m.label }))]} />
        <div className="field">
          <label htmlFor="calendar-q">{t('filters.search')}</label>
          <input id="calendar-q" type="search" name="q" defaultValue={filters.q ?? ''} maxLength={MAX_MOMENT_SEARCH} aria-describedby="calendar-q-hint" />
        </div>
        {stakeholder.options ? (
          <SelectFilter id="calendar-stakeholder" name="stakeholderId" label={t('filters.stakeholder')} value={null} any={t('filters.anyStakeholder')}
            options={stakeholder.options.map((s) => ({ value: s.id, label: s.label }))} />
        ) : null}
        {obligation.options ? (
          <SelectFilter id="calendar-obligation" name="obligationId" label={t('filters.obligation')} value={null} any={t('filters.anyObligation')}
            options={obligation.options.map((o) => ({ value: o.id, label: o.label }))} />
        ) : null}
        {view === 'agenda' ? (
          <>
            <div className="field">
              <label htmlFor="calendar-from">{t('filters.from')}</label>
              <input id="calendar-from" type="date" name="from" defaultValue={filters.from ?? ''} />
            </div>
            <div className="field">
              <label htmlFor="calendar-to">{t('filters.to')}</label>
              <input id="calendar-to" type="date" name="to" defaultValue={filters.to ?? ''} />
            </div>
          </>
        ) : null}
        {/* A chosen stakeholder or obligation stays chosen when the other filters change. */}
        {stakeholder.chosen ? <input type="hidden" name="stakeholderId" value={stakeholder.chosen.id} /> : null}
        {obligation.chosen ? <input type="hidden" name="obligationId" value={obligation.chosen.id} /> : null}
        {/* The month view keeps its month when the filters are cleared. */}
        <FilterActions clearTo={view === 'month' ? `${pathname}?view=month&month=${month.slice(0, 7)}` : pathname} />
      </Form>
      <ChosenFilters stakeholder={stakeholder} obligation={obligation} />
      <p className="muted" id="calendar-q-hint">
        {t('filters.searchHint')}
        {withheld(stakeholder) || withheld(obligation) ? <> {t(view === 'month' ? 'filters.optionsOfMonth' : 'filters.optionsOfAgenda', { max: SHORT_OPTION_LIST })}</> : null}
      </p>

      {view === 'month' && monthMoments ? (
        <>
          <nav className="month-nav" aria-label={t('month.navigation')}>
            <Link to={monthHref(addMonths(month, -1))} rel="prev">{t('month.previous')}</Link>
            <h2>{monthName(month, locale, 'long')} {yearOf(month)}</h2>
            <Link to={monthHref(addMonths(month, 1))} rel="next">{t('month.next')}</Link>
            <Link to={monthHref(day)}>{t('month.thisMonth')}</Link>
          </nav>
          <MonthGrid monthStart={month} moments={monthMoments} today={day} />
        </>
      ) : null}

      {view === 'agenda' && page ? (
        page.rows.length === 0 ? (
          <p className="empty">{tab === 'overdue' ? t('empty.overdue') : tab === 'mine' ? t('empty.mine') : t('empty.agenda')}</p>
        ) : (
          <>
            <MomentTable rows={page.rows} caption={t('agenda.caption', { count: page.total })} sort={list} />
            <Pagination page={list.page} perPage={list.perPage} total={page.total} />
          </>
        )
      ) : null}
    </>
  );
}

/** A list too long to send (not one replaced by its chosen entry): the note points to the search instead. */
const withheld = (picker: MomentFilterPicker) => !picker.options && !picker.chosen;

/**
 * A stakeholder or obligation chosen by id (the obligation page links here with one, and a short
 * list's select sets one) as a removable chip: its name and a link to the same page without it.
 */
function ChosenFilters({ stakeholder, obligation }: { stakeholder: MomentFilterPicker; obligation: MomentFilterPicker }) {
  const { t } = useTranslation('calendar');
  const { search } = useLocation();
  const chips = [
    { param: 'stakeholderId', picker: stakeholder, label: 'filters.chosenStakeholder' },
    { param: 'obligationId', picker: obligation, label: 'filters.chosenObligation' },
  ] as const;
  const chosen = chips.filter((c) => c.picker.chosen);
  if (chosen.length === 0) return null;
  return (
    <ul className="filter-chips" aria-label={t('filters.chosen')}>
      {chosen.map(({ param, picker, label }) => {
        const text = t(label, { name: picker.chosen!.label ?? t('filters.unknown') });
        return (
          <li key={param} className="badge">
            {text}{' '}
            <Link to={withParams(search, { [param]: undefined, page: undefined })} aria-label={t('filters.remove', { filter: text })}>
              <span aria-hidden="true">{'✕'}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
