import { Link } from '@remix-run/react';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Pagination, SortHeader } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { PARTY_KINDS } from '~/modules/parties/schema';
import { CATEGORIES, MITCHELL_CLASSES, QUADRANTS, STAKEHOLDER_STATUSES, TIERS } from '../rules';
import type { StakeholderSort } from '../schema';
import { quadrantBadge, statusBadge, tierBadge, useDays } from './labels';

/** A register row as the loader sends it (plain JSON). */
export type RegisterRow = {
  id: number; name: string; partyKind: string; category: string; tier: string; tierRationale: string | null; status: string;
  ownerName: string | null; power: number | null; interest: number | null; quadrant: string | null; mitchellClass: string | null;
  assessedOn: string | null;
};

const column = createColumnHelper<RegisterRow>();

/**
 * The register as a TanStack table in manual mode: the rows are one page the server already
 * filtered, sorted and paged; sorting and paging are links that change the URL, so the table
 * works without JavaScript and a reload shows the same view.
 */
export function RegisterTable({
  institutionId, rows, total, params,
}: {
  institutionId: number;
  rows: RegisterRow[];
  total: number;
  params: { sort: StakeholderSort; dir: 'asc' | 'desc'; page: number; perPage: number };
}) {
  const { t } = useTranslation('stakeholders');
  const { day } = useDays();
  const columns = useMemo(() => {
    // Every label a row can show, translated once per render rather than once per cell (a page of
    // rows asked i18next some 200 times).
    const labels = (prefix: string, keys: readonly string[]): Record<string, string> =>
      Object.fromEntries(keys.map((key) => [key, t(`${prefix}.${key}`)]));
    const partyKinds = labels('partyKinds', PARTY_KINDS);
    const categories = labels('categories', CATEGORIES);
    const tiers = labels('tiers', TIERS);
    const quadrants = labels('quadrants', [...QUADRANTS, 'unassessed']);
    const mitchell = labels('mitchell', MITCHELL_CLASSES);
    const mitchellShort = labels('mitchellShort', MITCHELL_CLASSES);
    const statuses = labels('statuses', STAKEHOLDER_STATUSES);
    const none = t('common:none');
    return [
      column.accessor('name', {
        id: 'name',
        header: () => t('fields.name'),
        cell: (info) => (
          <>
            <Link to={`/i/${institutionId}/stakeholders/${info.row.original.id}`}>{info.getValue()}</Link>
            <div className="muted">{partyKinds[info.row.original.partyKind]}</div>
          </>
        ),
      }),
      column.accessor('category', { id: 'category', header: () => t('fields.category'), cell: (info) => categories[info.getValue()] }),
      column.accessor('tier', {
        id: 'tier',
        header: () => t('fields.tier'),
        cell: (info) => (
          <>
            {tierBadge(info.getValue(), tiers[info.getValue()]!)}
            {info.row.original.tierRationale ? <div className="muted">{info.row.original.tierRationale}</div> : null}
          </>
        ),
      }),
      column.accessor('power', { id: 'power', header: () => t('fields.power'), cell: (info) => info.getValue() ?? none, meta: { numeric: true } }),
      column.accessor('interest', { id: 'interest', header: () => t('fields.interest'), cell: (info) => info.getValue() ?? none, meta: { numeric: true } }),
      column.accessor('quadrant', {
        id: 'quadrant',
        header: () => t('fields.quadrant'),
        cell: (info) => quadrantBadge(info.getValue(), quadrants[info.getValue() ?? 'unassessed']!),
      }),
      column.accessor('mitchellClass', {
        id: 'mitchellClass',
        header: () => t('fields.mitchellClass'),
        // As MitchellLabel short: the class, its attributes in the title.
        cell: (info) => {
          const value = info.getValue();
          return value ? <span title={mitchell[value]}>{mitchellShort[value]}</span> : none;
        },
      }),
      column.accessor('assessedOn', { id: 'assessedOn', header: () => t('fields.assessedOn'), cell: (info) => day(info.getValue()) }),
      column.accessor('ownerName', { id: 'owner', header: () => t('fields.owner'), cell: (info) => info.getValue() ?? none }),
      column.accessor('status', { id: 'status', header: () => t('fields.status'), cell: (info) => statusBadge(info.getValue(), statuses[info.getValue()]!) }),
    ];
  }, [t, day, institutionId]);

  const sorting: SortingState = [{ id: params.sort, desc: params.dir === 'desc' }];
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    rowCount: total,
    state: { sorting, pagination: { pageIndex: params.page - 1, pageSize: params.perPage } },
    getRowId: (row) => String(row.id),
  });

  if (rows.length === 0) return <p className="empty">{t('register.none')}</p>;
  return (
    <>
      <TableWrap>
        <table>
          <TableCaption>{t('register.caption', { count: total })}</TableCaption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const content = flexRender(header.column.columnDef.header, header.getContext());
                  const numeric = (header.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  return (
                    <SortHeader key={header.id} column={header.column.id} current={params} className={numeric ? 'number' : undefined}>
                      {content}
                    </SortHeader>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getCoreRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => {
                  const numeric = (cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  return <td key={cell.id} className={numeric ? 'number' : undefined}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pagination page={params.page} perPage={params.perPage} total={total} />
    </>
  );
}
