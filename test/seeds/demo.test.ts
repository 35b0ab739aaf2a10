import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countUnverified } from '~/modules/parties/queries.server';
import { countMomentsByStatus } from '~/modules/obligations/queries.server';
import { MOMENT_STATUSES } from '~/modules/obligations/rules';
import { countOverdueRequests, countPendingCorrections } from '~/modules/privacy/queries.server';
import { isRequestOverdue } from '~/modules/privacy/rules';
import { loader as chooserLoader } from '~/routes/_app._index';
import { loader as registerLoader } from '~/routes/_app.i.$institutionId.stakeholders._index';
import { action as loginAction } from '~/routes/login';
import {
  Agreement, AgreementParty, AuditEvent, closeDb, ComplianceStatement, ComplianceYear, CorrectionProposal, DataSubjectRequest, db, Engagement,
  Institution, Organisation, Op, Person, Position, QueryTypes, SalienceAssessment, Stakeholder,
} from '~/utils/db.server';
import { differenceInDays, today, yearOf } from '~/utils/dates';
import { seedBootstrapAdmin, seedCodeLibraries, seedDemo } from '../../seeds/index';
import { createTestDatabase } from '../setup/databases';
import { anonymousRequest, cookiesFrom, jsonOf, responseOf, routeArgs } from '../support/requests';

/**
 * The demo seed as `npm run db:seed` runs it, on this file's migrated database (today is the real
 * day), and once more on a second database under another HORIZON_TODAY.
 */
async function seedAll() {
  await seedCodeLibraries();
  await seedBootstrapAdmin();
  return seedDemo();
}

async function rowCounts(): Promise<Record<string, number>> {
  const sequelize = await db();
  const tables = (await sequelize.getQueryInterface().showAllTables()).map((t) => (typeof t === 'string' ? t : (t as { tableName: string }).tableName));
  const counts: Record<string, number> = {};
  for (const table of tables.filter((t) => t !== 'SequelizeMeta' && !t.startsWith('sqlite_')).sort()) {
    const [row] = await sequelize.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "${table}"`, { type: QueryTypes.SELECT });
    counts[table] = Number(row!.n);
  }
  return counts;
}

const institutionId = async (name: string) => (await Institution.findOne({ where: { name }, rejectOnEmpty: true })).id;

let institutions: { vecht: number; lekstroom: number; amstelhof: number };

beforeAll(async () => {
  delete process.env.HORIZON_TODAY;
  expect(await seedAll()).toBe('created');
  institutions = {
    vecht: await institutionId('Vecht College'),
    lekstroom: await institutionId('Woonstichting Lekstroom'),
    amstelhof: await institutionId('Zorggroep Amstelhof'),
  };
}, 300_000);

describe('seeding', () => {
  it('a second time on the same day changes nothing: every table keeps its rows, the audit trail included', async () => {
    const before = await rowCounts();
    expect(before.audit_events).toBeGreaterThan(500);
    expect(await seedAll()).toBe('present');
    expect(await rowCounts()).toEqual(before);
  });
});

describe('the demo accounts', () => {
  async function signIn(email: string, address: string): Promise<string> {
    const response = await responseOf(loginAction(routeArgs(anonymousRequest('/login', { form: { email, password: 'horizon-demo' } }), {}, address)));
    expect(response.status, email).toBe(302);
    return cookiesFrom(response);
  }

  async function chooser(cookie: string) {
    return responseOf(chooserLoader(routeArgs(anonymousRequest('/', { cookie }))));
  }

  async function register(cookie: string, id: number) {
    return (await responseOf(registerLoader(routeArgs(anonymousRequest(`/i/${id}/stakeholders`, { cookie }), { institutionId: String(id) })))).status;
  }

  it('the secretary signs in to Vecht College only', async () => {
    const cookie = await signIn('secretary@horizon.test', '198.51.100.21');
    const home = await chooser(cookie);
    expect(home.status).toBe(302);
    expect(home.headers.get('Location')).toBe(`/i/${institutions.vecht}`);
    expect(await register(cookie, institutions.vecht)).toBe(200);
    expect(await register(cookie, institutions.lekstroom)).toBe(404);
    expect(await register(cookie, institutions.amstelhof)).toBe(404);
  });

  it('the manager signs in to Woonstichting Lekstroom only', async () => {
    const cookie = await signIn('manager@horizon.test', '198.51.100.22');
    const home = await chooser(cookie);
    expect(home.headers.get('Location')).toBe(`/i/${institutions.lekstroom}`);
    expect(await register(cookie, institutions.lekstroom)).toBe(200);
    expect(await register(cookie, institutions.vecht)).toBe(404);
    expect(await register(cookie, institutions.amstelhof)).toBe(404);
  });

  it('the supervisor chooses among all three, as supervisor of each', async () => {
    const cookie = await signIn('supervisor@horizon.test', '198.51.100.23');
    const home = await chooser(cookie);
    expect(home.status).toBe(200);
    const { memberships } = await jsonOf<{ memberships: { institutionName: string; role: string }[] }>(home);
    expect(memberships.map((m) => [m.institutionName, m.role])).toEqual([
      ['Vecht College', 'supervisor'], ['Woonstichting Lekstroom', 'supervisor'], ['Zorggroep Amstelhof', 'supervisor'],
    ]);
    for (const id of Object.values(institutions)) expect(await register(cookie, id)).toBe(200);
  });

  it('the administrator has no memberships and passes every guard', async () => {
    const cookie = await signIn('admin@horizon.test', '198.51.100.24');
    const home = await chooser(cookie);
    expect(await jsonOf(home)).toMatchObject({ memberships: [], isAdmin: true });
    for (const id of Object.values(institutions)) expect(await register(cookie, id)).toBe(200);
  });
});

describe('the story', () => {
  it('every moment status turns up in every institution, by the obligations’ own SQL status', async () => {
    for (const id of Object.values(institutions)) {
      const counts = await countMomentsByStatus(id, {}, today());
      for (const status of MOMENT_STATUSES) expect(counts[status], `${status} in institution ${id}`).toBeGreaterThan(0);
    }
  });

  it('each institution has at least fifteen stakeholders', async () => {
    for (const id of Object.values(institutions)) {
      expect(await Stakeholder.count({ where: { institutionId: id } })).toBeGreaterThanOrEqual(15);
    }
  });

  it('the prestatieafspraak is tripartite: the municipality, the tenants’ association and the corporation itself', async () => {
    const agreement = await Agreement.findOne({ where: { institutionId: institutions.lekstroom, kind: 'performance-agreement', status: 'active' }, rejectOnEmpty: true });
    const parties = await AgreementParty.findAll({ where: { agreementId: agreement.id } });
    const stakeholders = await Stakeholder.findAll({ where: { id: parties.map((p) => p.stakeholderId) }, order: [['name', 'ASC']] });
    expect(stakeholders.map((s) => [s.name, s.institutionId])).toEqual([
      ['Gemeente Nieuwegein', institutions.lekstroom], ['Huurdersvereniging Lekstroom', institutions.lekstroom],
    ]);
  });

  it('a person holds positions at several organisations of one directory, one of them in the past', async () => {
    const person = await Person.findOne({ where: { institutionId: institutions.vecht, givenName: 'Marieke', familyName: 'Linden' }, rejectOnEmpty: true });
    const positions = await Position.findAll({ where: { personId: person.id } });
    expect(new Set(positions.map((p) => p.organisationId)).size).toBeGreaterThanOrEqual(2);
    expect(positions.every((p) => p.institutionId === institutions.vecht)).toBe(true);
    expect(positions.some((p) => p.endsOn !== null && differenceInDays(p.endsOn, today()) < 0)).toBe(true);
  });

  it('last year is approved, its deviations explained; this year is open with work still to do', async () => {
    const lastYear = yearOf(today()) - 1;
    for (const id of Object.values(institutions)) {
      const year = await ComplianceYear.findOne({ where: { institutionId: id, year: lastYear }, rejectOnEmpty: true });
      expect(year.approvedAt).not.toBeNull();
      expect(await ComplianceYear.count({ where: { institutionId: id, year: lastYear + 1, approvedAt: { [Op.ne]: null } } })).toBe(0);
      const deviations = await ComplianceStatement.findAll({ where: { institutionId: id, year: lastYear, status: ['partially', 'explains', 'not-applicable'] } });
      expect(deviations.length).toBeGreaterThan(0);
      for (const d of deviations) expect(d.explanation?.length ?? 0).toBeGreaterThan(40);
    }
    expect(await AuditEvent.count({ where: { entity: 'compliance-year', action: 'approve' } })).toBe(3);
    const thisYear = (institutionId: number, extra = {}) => ComplianceStatement.count({ where: { institutionId, year: lastYear + 1, ...extra } });
    expect(await thisYear(institutions.amstelhof, { status: 'not-assessed' })).toBeGreaterThan(0);
    expect(await thisYear(institutions.amstelhof, { status: { [Op.ne]: 'not-assessed' } })).toBeGreaterThan(0);
    expect(await thisYear(institutions.vecht, { needsReview: true })).toBe(await thisYear(institutions.vecht));
    expect(await thisYear(institutions.lekstroom)).toBe(0);
  });

  it('Vecht College has a data-subject request past its deadline, by the dashboard’s own count; the others have none', async () => {
    expect(await countOverdueRequests(institutions.vecht, today())).toBe(1);
    expect(await countOverdueRequests(institutions.lekstroom, today())).toBe(0);
    expect(await countOverdueRequests(institutions.amstelhof, today())).toBe(0);
    for (const id of Object.values(institutions)) {
      const requests = await DataSubjectRequest.findAll({ where: { institutionId: id } });
      expect(requests.some((r) => r.kind === 'access' && r.status === 'completed'), `answered access in ${id}`).toBe(true);
      expect(requests.some((r) => r.kind === 'rectification' && !r.closedOn && !isRequestOverdue(r, today())), `open rectification in ${id}`).toBe(true);
      expect(requests.some((r) => r.extendedTo && (r.extensionReason?.length ?? 0) > 40), `extension in ${id}`).toBe(true);
    }
  });

  it('a portal correction waits for review at Vecht College, proposed through a followed link; a legal hold stands at Lekstroom', async () => {
    expect(await countPendingCorrections(institutions.vecht)).toBe(1);
    const proposal = await CorrectionProposal.findOne({ where: { institutionId: institutions.vecht, status: 'pending' }, rejectOnEmpty: true });
    expect(Object.keys(proposal.proposed).sort()).toEqual(['initials', 'phone']);
    const proposed = await AuditEvent.findOne({ where: { entity: 'correction-proposal', entityId: String(proposal.id), action: 'propose' }, rejectOnEmpty: true });
    expect(proposed.actorLabel).toBe(`portal-link #${proposal.portalLinkId}`);
    expect(await Person.count({ where: { institutionId: institutions.lekstroom, legalHold: { [Op.ne]: null } } })).toBe(1);
    expect(await Person.count({ where: { institutionId: [institutions.vecht, institutions.amstelhof], legalHold: { [Op.ne]: null } } })).toBe(0);
  });
});

/** What the demo looks like seen from today: the same on any day if it is written relative to today. */
async function relativePicture() {
  const day = today();
  const picture: Record<string, unknown> = {};
  for (const institution of await Institution.findAll({ order: [['name', 'ASC']] })) {
    const id = institution.id;
    const counts = await countMomentsByStatus(id, {}, day);
    const engagements = await Engagement.findAll({ where: { institutionId: id }, order: [['subject', 'ASC']] });
    const assessments = await SalienceAssessment.findAll({ where: { institutionId: id }, order: [['id', 'ASC']] });
    const agreements = await Agreement.findAll({ where: { institutionId: id }, order: [['id', 'ASC']] });
    picture[institution.name] = {
      statuses: MOMENT_STATUSES.filter((s) => counts[s] > 0),
      stakeholders: await Stakeholder.count({ where: { institutionId: id } }),
      organisations: await Organisation.count({ where: { institutionId: id } }),
      unverified: await countUnverified(id),
      engagements: engagements.map((e) => ({
        subject: e.subject,
        daysAgo: differenceInDays(day, e.occurredOn),
        followUpDueIn: e.followUpDueOn ? differenceInDays(e.followUpDueOn, day) : null,
        followUpDone: e.followUpDoneOn !== null,
      })),
      assessedDaysAgo: assessments.map((a) => differenceInDays(day, a.assessedOn)),
      agreements: agreements.map((a) => ({ kind: a.kind, status: a.status, reviewIn: a.reviewOn ? differenceInDays(a.reviewOn, day) : null })),
      requests: (await DataSubjectRequest.findAll({ where: { institutionId: id }, order: [['id', 'ASC']] })).map((r) => ({
        kind: r.kind, status: r.status, receivedDaysAgo: differenceInDays(day, r.receivedOn), overdue: isRequestOverdue(r, day), extended: r.extendedTo !== null,
      })),
      pendingCorrections: await countPendingCorrections(id),
      statements: (await ComplianceStatement.findAll({ where: { institutionId: id, year: yearOf(day) - 1 }, order: [['id', 'ASC']] })).map((s) => s.status),
    };
  }
  return picture;
}

describe('under another HORIZON_TODAY', () => {
  const otherDay = '2028-02-29';
  let here: Record<string, unknown>;
  let there: Record<string, unknown>;
  let other: { url: string; drop(): Promise<void> };
  const ownUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    here = await relativePicture();
    await closeDb();
    other = await createTestDatabase(inject('databaseTemplate'));
    process.env.DATABASE_URL = other.url;
    process.env.HORIZON_TODAY = otherDay;
    expect(await seedAll()).toBe('created');
    there = await relativePicture();
  }, 300_000);

  afterAll(async () => {
    delete process.env.HORIZON_TODAY;
    await closeDb();
    await other?.drop();
    process.env.DATABASE_URL = ownUrl;
  });

  it('the picture is the same relative to today', () => {
    expect(today()).toBe(otherDay);
    expect(there).toEqual(here);
    for (const institution of Object.values(there) as { statuses: string[] }[]) expect(institution.statuses).toEqual([...MOMENT_STATUSES]);
  });
});
