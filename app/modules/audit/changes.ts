/** { field: [before, after] } — what an audit event records of a change. */
export type Changes = Record<string, [unknown, unknown]>;

type Plain = Record<string, unknown>;

const comparable = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * The fields that differ between two plain snapshots. Bookkeeping columns are left out: the event
 * itself carries who and when.
 */
export function diffChanges(before: Plain | null, after: Plain | null, ignore: string[] = []): Changes {
  const skip = new Set(['updatedAt', 'createdAt', 'version', ...ignore]);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Changes = {};
  for (const key of keys) {
    if (skip.has(key)) continue;
    const was = comparable(before?.[key] ?? null);
    const is = comparable(after?.[key] ?? null);
    if (JSON.stringify(was) !== JSON.stringify(is)) changes[key] = [was, is];
  }
  return changes;
}

/** Keeps secrets out of the trail: the fact of a change stays, the value does not. */
export function maskFields(changes: Changes, fields: string[]): Changes {
  const masked: Changes = { ...changes };
  for (const field of fields) {
    if (field in masked) masked[field] = ['•••', '•••'];
  }
  return masked;
}
