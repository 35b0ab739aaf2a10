/**
 * The routes that answer without a session — everything else redirects a signed-out visitor to
 * /login. Token routes check a hashed, expiring token themselves. A test walks every route of the
 * build and holds each one not listed here to that rule.
 */
export const PUBLIC_ROUTES: readonly string[] = [
  'routes/login',
  'routes/healthz',
  'routes/language',
  'routes/set-password.$token',
  // The personal calendar feed: a hashed secret token instead of a session (calendar apps have none).
  'routes/ics.$token',
  // The stakeholder portal: a hashed, expiring, one-time link, then a portal session cookie scoped to /portal.
  'routes/portal.$token',
  'routes/portal._index',
];

export const isPublicRoute = (routeId: string) => PUBLIC_ROUTES.includes(routeId);
