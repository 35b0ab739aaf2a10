import type { TFunction } from 'i18next';
import type { Actor } from '~/modules/audit/actor';
import { recordAudit } from '~/modules/audit/mutations.server';
import { toCsv, type CsvCell } from '~/utils/csv';
import { inTransaction } from '~/utils/db.server';
import type { ListParams } from '~/utils/list-params';
import { streamStakeholders, type StakeholderRow } from './queries.server';
import type { StakeholderFilters, StakeholderSort } from './schema';

/** The register's columns in the CSV: the stored slugs translated, numbers as numbers. */
function csvRow(row: StakeholderRow, t: TFunction): CsvCell[] {
  return [
    row.id,
    row.name,
    t(`stakeholders:partyKinds.${row.partyKind}`),
    t(`stakeholders:categories.${row.category}`),
    t(`stakeholders:tiers.${row.tier}`),
    row.tierRationale,
    t(`stakeholders:statuses.${row.status}`),
    row.ownerName,
    row.power,
    row.interest,
    row.quadrant ? t(`stakeholders:quadrants.${row.quadrant}`) : null,
    row.mitchellClass ? t(`stakeholders:mitchell.${row.mitchellClass}`) : null,
    row.assessedOn,
  ];
}

export const CSV_COLUMNS = [
  'id', 'name', 'partyKind', 'category', 'tier', 'tierRationale', 'status', 'owner', 'power', 'interest', 'quadrant', 'mitchellClass', 'assessedOn',
] as const;

/**
 * Every stakeholder the register shows with these filters, in its order, as CSV — and the export
 * recorded in the audit trail (who took which selection out, and how many rows).
 */
export async function exportStakeholders(
  actor: Actor,
  institutionId: number,
  filters: StakeholderFilters,
  params: Pick<ListParams<StakeholderSort>, 'sort' | 'dir' | 'q'>,
  t: TFunction,
): Promise<string> {
  const rows: CsvCell[][] = [];
  for await (const batch of streamStakeholders(institutionId, filters, params)) rows.push(...batch.map((row) => csvRow(row, t)));
  await inTransaction((transaction) => recordAudit(transaction, actor, {
    institutionId, entity: 'stakeholder', entityId: null, action: 'export',
    changes: { selection: [null, { ...filters, q: params.q ?? null, sort: params.sort, dir: params.dir }], rows: [null, rows.length] },
  }));
  return toCsv(CSV_COLUMNS.map((column) => t(`stakeholders:csv.${column}`)), rows);
}
