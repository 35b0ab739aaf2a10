import nlCommon from './nl/common.json';
import nlAuth from './nl/auth.json';
import nlAdmin from './nl/admin.json';
import nlAudit from './nl/audit.json';
import nlDashboard from './nl/dashboard.json';
import nlStakeholders from './nl/stakeholders.json';
import nlParties from './nl/parties.json';
import nlAgreements from './nl/agreements.json';
import nlObligations from './nl/obligations.json';
import nlCalendar from './nl/calendar.json';
import nlCompliance from './nl/compliance.json';
import nlGovernance from './nl/governance.json';
import nlPrivacy from './nl/privacy.json';
import nlOversight from './nl/oversight.json';
import nlImports from './nl/imports.json';
import nlQuality from './nl/quality.json';

/** The Dutch catalogue, one namespace per area: add an area's namespace here and in the other language's file. */
export const catalogue = { common: nlCommon, auth: nlAuth, admin: nlAdmin, audit: nlAudit, dashboard: nlDashboard, stakeholders: nlStakeholders, parties: nlParties, agreements: nlAgreements, obligations: nlObligations, calendar: nlCalendar, compliance: nlCompliance, governance: nlGovernance, privacy: nlPrivacy, oversight: nlOversight, imports: nlImports, quality: nlQuality } as const;
