import { cast, col, fn, Op, where, type Transaction, type WhereOptions } from 'sequelize';
import type { Actor } from '~/modules/audit/actor';
import { recordAudit } from '~/modules/audit/mutations.server';
import { personDisplayName } from '~/modules/parties/rules';
import {
  AuditEvent, CorrectionProposal, DataSubjectRequest, db, dialectOf, Engagement, HouseholdMember, inTransaction, MailMessage,
  Person, PortalLink, Position, Stakeholder,
} from '~/utils/db.server';
import { DomainError } from '~/utils/errors';
import {
  erasedName, NON_PERSONAL_PERSON_FIELDS, personalTerms, REDACTED, redactChanges, redactText,
} from './rules';

/**
 * Erasure by anonymisation (art. 17): the person's values go, the accountability record stays.
 * Positions, engagements, requests and audit events remain as facts about *someone*; every place
 * the person's values were written — their record, records merged into it, business contacts,
 * stakeholder names, free text, mail copies and earlier audit events — is cleared or redacted in
 * one transaction. A recorded legal hold refuses it.
 */

// The person's own columns that hold personal data, all cleared (the family name is required: it gets a marker).
const CLEARED = ['givenName', 'tussenvoegsel', 'initials', 'email', 'phone', 'street', 'houseNumber', 'postcode', 'city', 'source', 'lastVerifiedOn'] as const;

export type ErasureResult = { persons: number; auditEventsRedacted: number };

/** "Contains this text, ignoring case", on a JSON or text column of either dialect. */
function mentions(column: string, term: string, json = false) {
  const dialect = AuditEvent.sequelize ? dialectOf(AuditEvent.sequelize) : 'sqlite';
  const position = dialect === 'postgres' ? 'strpos' : 'instr';
  const value = json ? cast(col(column), 'TEXT') : col(column);
  return where(fn(position, fn('lower', value), term.toLowerCase()), Op.gt, 0);
}

const anyMention = (columns: string[], terms: string[], json = false) =>
  ({ [Op.or]: columns.flatMap((c) => terms.map((t) => mentions(c, t, json))) });

export async function erasePerson(actor: Actor, input: { institutionId: number; personId: number }): Promise<ErasureResult> {
  const result = await inTransaction(async (transaction) => {
    const person = await Person.findOne({ where: { id: input.personId, institutionId: input.institutionId }, transaction });
    if (!person) throw new DomainError('not-found', 'common:errors.notFound');
    if (person.erasedAt) throw new DomainError('conflict', 'privacy:erase.alreadyErased');
    if (person.mergedIntoId) throw new DomainError('conflict', 'privacy:erase.mergedAway');
    if (person.legalHold) throw new DomainError('conflict', 'privacy:erase.legalHold');

    // Records merged into this one are the same human: their copies of the data go too.
    const persons = [person, ...(await mergedInto(transaction, input.institutionId, person.id))];
    const personIds = persons.map((p) => p.id);
    const positions = await Position.findAll({ where: { institutionId: input.institutionId, personId: personIds }, transaction });
    const terms = personalTerms(persons.flatMap((p) => [
      personDisplayName(p),
      [p.givenName, p.tussenvoegsel, p.familyName].filter(Boolean).join(' '),
      [p.initials, p.tussenvoegsel, p.familyName].filter(Boolean).join(' '),
      p.email, p.phone,
    ]).concat(positions.flatMap((p) => [p.businessEmail, p.businessPhone])));
    const emails = [...new Set([...persons.map((p) => p.email), ...positions.map((p) => p.businessEmail)].filter((e): e is string => Boolean(e)))];

    const [requests, proposals, links] = await Promise.all([
      DataSubjectRequest.findAll({ where: { institutionId: input.institutionId, personId: personIds }, attributes: ['id'], transaction }),
      CorrectionProposal.findAll({ where: { institutionId: input.institutionId, personId: personIds }, attributes: ['id'], transaction }),
      PortalLink.findAll({ where: { institutionId: input.institutionId, personId: personIds }, attributes: ['id'], transaction }),
    ]);
    const auditEventsRedacted = await redactAuditEvents(transaction, input.institutionId, [
      { entity: 'person', ids: personIds, whole: (field) => !NON_PERSONAL_PERSON_FIELDS.has(field) },
      { entity: 'position', ids: positions.map((p) => p.id), whole: (field) => ['businessEmail', 'businessPhone', 'person'].includes(field) },
      { entity: 'data-subject-request', ids: requests.map((r) => r.id), whole: (field) => ['requester', 'outcome', 'extensionReason'].includes(field) },
      // What the contact proposed is their data through and through; only the review's status says nothing about them.
      { entity: 'correction-proposal', ids: proposals.map((p) => p.id), whole: (field) => field !== 'status' },
      { entity: 'portal-link', ids: links.map((l) => l.id), whole: (field) => field === 'sentTo' },
    ], terms);

    const now = new Date();
    for (const p of persons) {
      await p.update({
        ...Object.fromEntries(CLEARED.map((field) => [field, null])),
        familyName: erasedName(p.id), nameKey: `erased-${p.id}|`, legalHold: null, active: false, erasedAt: now,
      }, { transaction });
    }
    await Position.update({ businessEmail: null, businessPhone: null }, { where: { id: positions.map((p) => p.id) }, transaction });
    // Where someone lived is personal; the household itself is a party of its own and stays.
    await HouseholdMember.destroy({ where: { personId: personIds }, transaction });
    await redactStakeholders(transaction, input.institutionId, personIds, terms);
    await redactEngagements(transaction, input.institutionId, terms);
    await redactPrivacyRecords(transaction, input.institutionId, personIds, terms, now);
    await redactMail(transaction, input.institutionId, emails, terms);

    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'person', entityId: person.id, action: 'erase',
      changes: {
        erasedFields: [null, [...CLEARED, 'familyName']],
        records: [null, personIds.length],
        auditEventsRedacted: [null, auditEventsRedacted],
      },
    });
    return { persons: personIds.length, auditEventsRedacted };
  });
  await foldWriteAheadLog();
  return result;
}

async function mergedInto(transaction: Transaction, institutionId: number, personId: number): Promise<Person[]> {
  const found: Person[] = [];
  let frontier = [personId];
  // Merges chain (A into B, B into C): follow them all the way back.
  while (frontier.length) {
    const next = await Person.findAll({ where: { institutionId, mergedIntoId: frontier }, transaction });
    found.push(...next);
    frontier = next.map((p) => p.id);
  }
  return found;
}

/** Events of a record tied to the person, and which of their fields hold the person's values whole. */
type OwnRecords = { entity: string; ids: number[]; whole: (field: string) => boolean };

/**
 * Earlier audit events keep happening, but no longer name the person: the events of their own
 * records (the person, their positions, requests, proposals and links) lose the personal fields'
 * values, and any other event of the institution that mentions them loses the mention.
 */
async function redactAuditEvents(transaction: Transaction, institutionId: number, own: OwnRecords[], terms: string[]): Promise<number> {
  const records = own.filter((r) => r.ids.length > 0);
  const events = await AuditEvent.findAll({
    where: {
      institutionId,
      changes: { [Op.ne]: null },
      [Op.or]: [
        ...records.map((r) => ({ entity: r.entity, entityId: r.ids.map(String) })),
        ...(terms.length ? [anyMention(['changes'], terms, true)] : []),
      ],
    } as WhereOptions<AuditEvent>,
    transaction,
  });
  let count = 0;
  for (const event of events) {
    const record = records.find((r) => r.entity === event.entity && r.ids.map(String).includes(event.entityId ?? ''));
    const redacted = redactChanges(event.changes ?? {}, terms, record?.whole ?? (() => false));
    if (JSON.stringify(redacted) === JSON.stringify(event.changes)) continue;
    await AuditEvent.update({ changes: redacted }, { where: { id: event.id }, transaction });
    count += 1;
  }
  return count;
}

async function redactStakeholders(transaction: Transaction, institutionId: number, personIds: number[], terms: string[]) {
  const own = await Stakeholder.findAll({ where: { institutionId, personId: personIds }, transaction });
  for (const s of own) {
    await s.update({ name: erasedName(s.personId!), description: s.description && redactText(s.description, terms) }, { transaction });
  }
  if (!terms.length) return;
  const mentioning = await Stakeholder.findAll({ where: { institutionId, ...anyMention(['description'], terms) }, transaction });
  for (const s of mentioning) await s.update({ description: redactText(s.description!, terms) }, { transaction });
}

// Contact notes name people in passing: the note stays, the name goes.
async function redactEngagements(transaction: Transaction, institutionId: number, terms: string[]) {
  if (!terms.length) return;
  const columns = ['subject', 'summary', 'follow_up'];
  const engagements = await Engagement.findAll({ where: { institutionId, ...anyMention(columns, terms) }, transaction });
  for (const e of engagements) {
    await e.update({
      subject: redactText(e.subject, terms),
      summary: e.summary && redactText(e.summary, terms),
      followUp: e.followUp && redactText(e.followUp, terms),
    }, { transaction });
  }
}

/** Requests and proposals stay as the record of what was asked and done; their personal content goes. */
async function redactPrivacyRecords(transaction: Transaction, institutionId: number, personIds: number[], terms: string[], now: Date) {
  const requests = await DataSubjectRequest.findAll({ where: { institutionId, personId: personIds }, transaction });
  for (const r of requests) {
    await r.update({
      requester: erasedName(r.personId!),
      outcome: r.outcome && redactText(r.outcome, terms),
      extensionReason: r.extensionReason && redactText(r.extensionReason, terms),
    }, { transaction });
  }
  const proposals = await CorrectionProposal.findAll({ where: { institutionId, personId: personIds }, transaction });
  for (const p of proposals) {
    await p.update({
      proposed: Object.fromEntries(Object.keys(p.proposed ?? {}).map((field) => [field, REDACTED])),
      message: null,
      reviewNote: p.reviewNote && redactText(p.reviewNote, terms),
      // A proposal nobody reviewed has nothing left to review.
      status: p.status === 'pending' ? 'rejected' : p.status,
    }, { transaction });
  }
  await PortalLink.update({ revokedAt: now }, { where: { institutionId, personId: personIds, revokedAt: null }, transaction });
}

/** Copies of mail sent to the person (portal links) keep their date and kind, not the address or the words. */
async function redactMail(transaction: Transaction, institutionId: number, emails: string[], terms: string[]) {
  const or: unknown[] = [];
  if (emails.length) or.push({ toAddress: emails });
  if (terms.length) or.push(anyMention(['subject', 'text_body', 'html_body'], terms));
  if (!or.length) return;
  const messages = await MailMessage.findAll({ where: { institutionId, [Op.or]: or } as WhereOptions<MailMessage>, transaction });
  for (const m of messages) {
    await m.update({
      toAddress: emails.includes(m.toAddress) ? REDACTED : redactText(m.toAddress, terms),
      subject: redactText(m.subject, terms),
      textBody: redactText(m.textBody, terms),
      htmlBody: m.htmlBody && redactText(m.htmlBody, terms),
    }, { transaction });
  }
}

/**
 * SQLite: secure_delete zeroes the freed cells, but the write-ahead log still holds page images
 * from before the erasure until a checkpoint copies them back and truncates it. Best effort: a
 * busy reader postpones it to SQLite's own next checkpoint.
 */
async function foldWriteAheadLog() {
  const sequelize = await db();
  if (dialectOf(sequelize) !== 'sqlite') return;
  await sequelize.query('PRAGMA wal_checkpoint(TRUNCATE)');
}
