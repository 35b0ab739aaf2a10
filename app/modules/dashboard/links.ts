/**
 * Where the dashboard's compliance and privacy figures lead: each to the page that lists exactly
 * what it counts (the compliance overview's and the request log's own URL filters).
 */

export function complianceLinks(institutionId: number, year: number) {
  const index = `/i/${institutionId}/compliance`;
  const overview = `${index}/${year}`;
  return {
    index,
    overview,
    review: `${overview}?review=1`,
    flagged: `${overview}?flag=any`,
    notAssessed: `${overview}?status=not-assessed`,
  };
}

export function privacyLinks(institutionId: number) {
  const index = `/i/${institutionId}/privacy`;
  return {
    index,
    overdue: `${index}?state=overdue`,
    corrections: `${index}/corrections`,
    request: (requestId: number) => `${index}/requests/${requestId}`,
  };
}
