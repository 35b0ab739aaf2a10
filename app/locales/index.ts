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

// Catalogues are bundled: a few kilobytes each, and no request waterfall before the first paint.
// One namespace per area; an area adds its keys to its own two files.
export const resources = {
  en: { common: enCommon, auth: enAuth, admin: enAdmin, audit: enAudit, dashboard: enDashboard, stakeholders: enStakeholders, parties: enParties, agreements: enAgreements, obligations: enObligations, calendar: enCalendar, compliance: enCompliance, governance: enGovernance, privacy: enPrivacy, oversight: enOversight, imports: enImports, quality: enQuality },
  nl: { common: nlCommon, auth: nlAuth, admin: nlAdmin, audit: nlAudit, dashboard: nlDashboard, stakeholders: nlStakeholders, parties: nlParties, agreements: nlAgreements, obligations: nlObligations, calendar: nlCalendar, compliance: nlCompliance, governance: nlGovernance, privacy: nlPrivacy, oversight: nlOversight, imports: nlImports, quality: nlQuality },
} as const;

export type Namespace = keyof (typeof resources)['en'];
