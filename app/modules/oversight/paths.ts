/**
 * Where the dashboard links into an institution's own compliance pages (coordinated by URL only):
 * the year's overview at `/i/$institutionId/compliance/$year`, and a statement's own page under it
 * (its status, explanation, evidence and history) at `…/$year/statements/$statementId`.
 */
export function complianceYearPath(institutionId: number, year: number): string {
  return `/i/${institutionId}/compliance/${year}`;
}

export function statementPath(statement: { institutionId: number; statementId: number }, year: number): string {
  return `${complianceYearPath(statement.institutionId, year)}/statements/${statement.statementId}`;
}
