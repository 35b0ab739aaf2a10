/**
 * Where the dashboard links into an institution's own compliance pages. Coordinated by URL only:
 * the compliance overview of a year is `/i/$institutionId/compliance/$year`, and it reads
 * `provision` and `code` filters from the URL (parseOverviewFilters in app/modules/governance/schema.ts).
 */
export function complianceYearPath(institutionId: number, year: number): string {
  return `/i/${institutionId}/compliance/${year}`;
}

/**
 * A statement in its institution's overview: filtered to its provision, or for a statement on a
 * principle without listed provisions, to its code (the overview has no principle filter).
 */
export function statementPath(statement: { institutionId: number; provisionId: number | null; codeId: number }, year: number): string {
  const filter = statement.provisionId !== null ? `provision=${statement.provisionId}` : `code=${statement.codeId}`;
  return `${complianceYearPath(statement.institutionId, year)}?${filter}`;
}
