import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Outlet } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { requireInstitution } from '~/modules/auth/guards.server';
import { lastInstitutionCookie } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, role, can } = await requireInstitution(request, params);
  const remembered = Number(await lastInstitutionCookie.parse(request.headers.get('Cookie')));
  const headers = remembered === institution.id ? undefined : { 'Set-Cookie': await lastInstitutionCookie.serialize(String(institution.id)) };
  return json({ institution, role, can }, { headers });
}

export default function InstitutionLayout() {
  return <Outlet />;
}

export const ErrorBoundary = GeneralErrorBoundary;
