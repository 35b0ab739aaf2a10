import enCommon from './en/common.json';
import enAuth from './en/auth.json';
import enAdmin from './en/admin.json';
import enAudit from './en/audit.json';
import enDashboard from './en/dashboard.json';
import enStakeholders from './en/stakeholders.json';
import enParties from './en/parties.json';
import enAgreements from './en/agreements.json';
import enObligations from './en/obligations.json';
import enCalendar from './en/calendar.json';
import enCompliance from './en/compliance.json';
import enGovernance from './en/governance.json';
import enPrivacy from './en/privacy.json';
import enOversight from './en/oversight.json';
import enImports from './en/imports.json';
import enQuality from './en/quality.json';

/** The English catalogue, one namespace per area: add an area's namespace here and in the other language's file. */
export const catalogue = { common: enCommon, auth: enAuth, admin: enAdmin, audit: enAudit, dashboard: enDashboard, stakeholders: enStakeholders, parties: enParties, agreements: enAgreements, obligations: enObligations, calendar: enCalendar, compliance: enCompliance, governance: enGovernance, privacy: enPrivacy, oversight: enOversight, imports: enImports, quality: enQuality } as const;
