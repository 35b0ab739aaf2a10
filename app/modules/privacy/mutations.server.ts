import { addDays, addMinutes } from 'date-fns';
import type { Transaction } from 'sequelize';
import { portalActor, type Actor } from '~/modules/audit/actor';
import type { Changes } from '~/modules/audit/changes';
import { recordAudit } from '~/modules/audit/mutations.server';
import { hashToken, newToken } from '~/modules/auth/tokens.server';
import { updatePersonIn } from '~/modules/parties/mutations.server';
import { displayNameOf } from '~/modules/parties/queries.server';
import { isPositionCurrent } from '~/modules/parties/rules';
import { personSchema } from '~/modules/parties/schema';
import {
  CorrectionProposal, DataSubjectRequest, db, inTransaction, Institution, Op, Person, PortalLink, Position,
} from '~/utils/db.server';
import { compareDays, today as currentDay, type Day } from '~/utils/dates';
import { DomainError } from '~/utils/errors';
import { appLink, sendMail } from '~/utils/mailer.server';
import {
  canExtend, CORRECTABLE_FIELDS, extendedDueOn, isOpenStatus, MAX_PENDING_PROPOSALS, PORTAL_LINK_VALID_DAYS,
  PORTAL_SESSION_MINUTES, portalLinkState, proposedChanges, requestDueOn, type LinkState,
} from './rules';
import type { CorrectionInput, PortalAddress, RequestCloseInput, RequestCreateInput } from './schema';

type InInstitution = { institutionId: number };

const notFound = () => new DomainError('not-found', 'common:errors.notFound');
const conflict = () => new DomainError('conflict', 'common:errors.conflict');

function checkVersion(stored: number, submitted: number) {
  if (stored !== submitted) throw conflict();
}

async function findPerson(transaction: Transaction, institutionId: number, personId: number) {
  const person = await Person.findOne({ where: { id: personId, institutionId }, transaction });
  if (!person) throw notFound();
  return person;
}

// ---------------------------------------------------------------- data-subject requests

const requestAudit = (transaction: Transaction, actor: Actor, institutionId: number, id: number, action: string, changes: Changes) =>
  recordAudit(transaction, actor, { institutionId, entity: 'data-subject-request', entityId: id, action, changes });

/** Logs a request; the one-month deadline is computed from the day it was received. */
export async function logRequest(actor: Actor, input: RequestCreateInput & InInstitution, today: Day = currentDay()): Promise<{ id: number }> {
  if (compareDays(input.receivedOn, today) > 0) {
    throw new DomainError('invalid', 'common:errors.invalid', { receivedOn: 'privacy:requests.receivedInFuture' });
  }
  return inTransaction(async (transaction) => {
    let requester = input.requester;
    if (input.personId) {
      const person = await Person.findOne({ where: { id: input.personId, institutionId: input.institutionId }, transaction });
      if (!person) throw new DomainError('invalid', 'common:errors.invalid', { personId: 'common:errors.invalidChoice' });
      requester ??= displayNameOf(person);
    }
    const values = {
      personId: input.personId ?? null, requester: requester!, kind: input.kind, receivedOn: input.receivedOn,
      dueOn: requestDueOn(input.receivedOn),
    };
    const request = await DataSubjectRequest.create(
      { institutionId: input.institutionId, ...values, extendedTo: null, extensionReason: null, outcome: null, closedOn: null, handledByUserId: actor.userId },
      { transaction },
    );
    await requestAudit(transaction, actor, input.institutionId, request.id, 'create',
      Object.fromEntries(Object.entries(values).map(([k, v]) => [k, [null, v]])));
    return { id: request.id };
  });
}

type OneRequest = InInstitution & { requestId: number; version: number };

async function findOpenRequest(transaction: Transaction, input: OneRequest) {
  const request = await DataSubjectRequest.findOne({ where: { id: input.requestId, institutionId: input.institutionId }, transaction });
  if (!request) throw notFound();
  checkVersion(request.version, input.version);
  if (!isOpenStatus(request.status)) throw new DomainError('conflict', 'privacy:requests.alreadyClosed');
  return request;
}

/** Someone takes the request on: open → in progress, with them as handler. */
export async function startRequest(actor: Actor, input: OneRequest): Promise<void> {
  await inTransaction(async (transaction) => {
    const request = await findOpenRequest(transaction, input);
    if (request.status === 'in-progress') return;
    await request.update({ status: 'in-progress', handledByUserId: actor.userId }, { transaction });
    await requestAudit(transaction, actor, input.institutionId, request.id, 'update', { status: ['open', 'in-progress'] });
  });
}

/** The two further months of art. 12(3), with the reason the requester is told; once, within the first month. */
export async function extendRequest(actor: Actor, input: OneRequest & { reason: string }, today: Day = currentDay()): Promise<void> {
  await inTransaction(async (transaction) => {
    const request = await findOpenRequest(transaction, input);
    const verdict = canExtend(request, today);
    if (verdict === 'already-extended') throw new DomainError('conflict', 'privacy:requests.alreadyExtended');
    if (verdict === 'too-late') throw new DomainError('invalid', 'privacy:requests.extensionTooLate', { reason: 'privacy:requests.extensionTooLate' });
    const extendedTo = extendedDueOn(request.receivedOn);
    await request.update({ extendedTo, extensionReason: input.reason }, { transaction });
    await requestAudit(transaction, actor, input.institutionId, request.id, 'extend', {
      extendedTo: [null, extendedTo], extensionReason: [null, input.reason],
    });
  });
}

/** Closes a request as completed or refused, with the outcome the requester was told. */
export async function closeRequest(actor: Actor, input: OneRequest & RequestCloseInput, today: Day = currentDay()): Promise<void> {
  await inTransaction(async (transaction) => {
    const request = await findOpenRequest(transaction, input);
    const errors: Record<string, string> = {};
    if (compareDays(input.closedOn, request.receivedOn) < 0) errors.closedOn = 'privacy:requests.closedBeforeReceived';
    if (compareDays(input.closedOn, today) > 0) errors.closedOn = 'privacy:requests.closedInFuture';
    if (Object.keys(errors).length) throw new DomainError('invalid', 'common:errors.invalid', errors);
    const before = request.status;
    await request.update({ status: input.status, outcome: input.outcome, closedOn: input.closedOn, handledByUserId: actor.userId }, { transaction });
    await requestAudit(transaction, actor, input.institutionId, request.id, 'close', {
      status: [before, input.status], outcome: [null, input.outcome], closedOn: [null, input.closedOn],
    });
  });
}

// ---------------------------------------------------------------- access, legal hold

/** Compiling everything about a person is itself processing: the trail says who looked, and how. */
export async function recordAccessExport(actor: Actor, input: InInstitution & { personId: number; format: 'page' | 'json' }): Promise<void> {
  await inTransaction((transaction) =>
    recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'person', entityId: input.personId, action: 'export', changes: { format: [null, input.format] },
    }));
}

/** A legal hold (litigation, a retention duty) blocks erasure until it is lifted; the reason is on the record. */
export async function setLegalHold(actor: Actor, input: InInstitution & { personId: number; reason: string | null }): Promise<void> {
  await inTransaction(async (transaction) => {
    const person = await findPerson(transaction, input.institutionId, input.personId);
    if (person.erasedAt) throw new DomainError('conflict', 'privacy:erase.alreadyErased');
    const before = person.legalHold;
    if (before === input.reason) return;
    await person.update({ legalHold: input.reason }, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'person', entityId: person.id, action: input.reason ? 'legal-hold' : 'lift-legal-hold',
      changes: { legalHold: [before, input.reason] },
    });
  });
}

// ---------------------------------------------------------------- the portal link

async function resolveAddress(transaction: Transaction, person: Person, address: PortalAddress, today: Day): Promise<string> {
  if (address.kind === 'private') {
    if (!person.email) throw new DomainError('invalid', 'common:errors.invalid', { address: 'privacy:portal.noAddress' });
    return person.email;
  }
  const position = await Position.findOne({ where: { id: address.positionId, personId: person.id, institutionId: person.institutionId }, transaction });
  if (!position?.businessEmail || !isPositionCurrent(position, today)) {
    throw new DomainError('invalid', 'common:errors.invalid', { address: 'privacy:portal.noAddress' });
  }
  return position.businessEmail;
}

function portalMail(name: string, institution: string, link: string) {
  return [
    `Beste ${name},`, '',
    `${institution} bewaart gegevens over u als contactpersoon. Via deze persoonlijke link ziet u welke gegevens dat zijn, welke afspraken en verantwoordingsmomenten uw organisatie met ons heeft, en kunt u correcties voorstellen.`,
    `De link is ${PORTAL_LINK_VALID_DAYS} dagen geldig en werkt één keer; daarna heeft u ${PORTAL_SESSION_MINUTES} minuten.`,
    link, '', '—', '',
    `Dear ${name},`, '',
    `${institution} keeps data about you as a contact. This personal link shows you that data, the agreements and reporting moments your organisation has with us, and lets you propose corrections.`,
    `The link is valid for ${PORTAL_LINK_VALID_DAYS} days and works once; after that you have ${PORTAL_SESSION_MINUTES} minutes.`,
    link,
  ].join('\n');
}

/**
 * Mails a stakeholder contact a one-time portal link: only the token's hash is stored. Earlier
 * links not yet followed stop working, so only the newest one in someone's mailbox counts.
 */
export async function sendPortalLink(
  actor: Actor, input: InInstitution & { personId: number; address: PortalAddress }, today: Day = currentDay(),
): Promise<{ id: number; link: string }> {
  return inTransaction(async (transaction) => {
    const person = await findPerson(transaction, input.institutionId, input.personId);
    if (person.erasedAt || person.mergedIntoId || !person.active) {
      throw new DomainError('invalid', 'common:errors.invalid', { address: 'privacy:portal.personInactive' });
    }
    const to = await resolveAddress(transaction, person, input.address, today);
    const now = new Date();
    await PortalLink.update(
      { revokedAt: now },
      { where: { institutionId: input.institutionId, personId: person.id, usedAt: null, revokedAt: null }, transaction },
    );
    const { token, hash } = newToken();
    const expiresAt = addDays(now, PORTAL_LINK_VALID_DAYS);
    const row = await PortalLink.create(
      { institutionId: input.institutionId, personId: person.id, tokenHash: hash, expiresAt, usedAt: null, revokedAt: null, createdByUserId: actor.userId },
      { transaction },
    );
    const institution = await Institution.findByPk(input.institutionId, { attributes: ['name'], transaction });
    const link = appLink(`/portal/${token}`);
    await sendMail({
      to, kind: 'portal-link', institutionId: input.institutionId,
      subject: `${institution?.name ?? 'Horizon'}: uw gegevens / your data`,
      text: portalMail(displayNameOf(person), institution?.name ?? 'Horizon', link),
    }, transaction);
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'portal-link', entityId: row.id, action: 'send',
      changes: { person: [null, `#${person.id}`], sentTo: [null, to], expiresAt: [null, expiresAt.toISOString()] },
    });
    return { id: row.id, link };
  });
}

/** What a followed link would do, without spending it: the landing page's answer. */
export async function checkPortalToken(token: string): Promise<LinkState> {
  await db();
  const link = await PortalLink.findOne({ where: { tokenHash: hashToken(token) } });
  return portalLinkState(link, new Date());
}

export type OpenedLink = { state: 'valid'; linkId: number; sessionEndsAt: Date } | { state: Exclude<LinkState, 'valid'> };

/**
 * Follows a link: spends it (a guarded update, so of two clicks only one wins) and says how long
 * the portal session it opens may last.
 */
export async function openPortalLink(token: string): Promise<OpenedLink> {
  await db();
  return inTransaction(async (transaction) => {
    const link = await PortalLink.findOne({ where: { tokenHash: hashToken(token) }, transaction });
    const now = new Date();
    const state = portalLinkState(link, now);
    if (state !== 'valid' || !link) return { state: state === 'valid' ? 'forged' : state };
    const person = await Person.findOne({ where: { id: link.personId, institutionId: link.institutionId }, transaction });
    if (!person || person.erasedAt || person.mergedIntoId) return { state: 'revoked' };
    const [spent] = await PortalLink.update({ usedAt: now }, { where: { id: link.id, usedAt: { [Op.is]: null } }, transaction });
    if (spent !== 1) return { state: 'used' };
    await recordAudit(transaction, portalActor(link.id), {
      institutionId: link.institutionId, entity: 'portal-link', entityId: link.id, action: 'open',
    });
    return { state: 'valid', linkId: link.id, sessionEndsAt: addMinutes(now, PORTAL_SESSION_MINUTES) };
  });
}

// ---------------------------------------------------------------- corrections

type Contact = { linkId: number; institutionId: number; personId: number };

const currentValues = (person: Person) =>
  Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, person[f] ?? null])) as Record<(typeof CORRECTABLE_FIELDS)[number], string | null>;

/** A contact's proposal from the portal: only the fields they changed, waiting for a secretary. */
export async function proposeCorrection(contact: Contact, input: CorrectionInput): Promise<{ id: number }> {
  return inTransaction(async (transaction) => {
    const person = await findPerson(transaction, contact.institutionId, contact.personId);
    if (person.erasedAt) throw notFound();
    const pending = await CorrectionProposal.count({ where: { institutionId: contact.institutionId, personId: person.id, status: 'pending' }, transaction });
    if (pending >= MAX_PENDING_PROPOSALS) throw new DomainError('conflict', 'privacy:portal.tooManyPending');
    const current = currentValues(person);
    const proposed = proposedChanges(current, input);
    if (Object.keys(proposed).length === 0 && !input.message) throw new DomainError('invalid', 'privacy:portal.nothingChanged');
    const row = await CorrectionProposal.create({
      institutionId: contact.institutionId, personId: person.id, portalLinkId: contact.linkId, proposed, message: input.message ?? null,
      status: 'pending', reviewNote: null, dataSubjectRequestId: null, reviewedByUserId: null, reviewedAt: null,
    }, { transaction });
    const changes: Changes = Object.fromEntries(Object.entries(proposed).map(([f, v]) => [f, [current[f as keyof typeof current], v]]));
    if (input.message) changes.message = [null, input.message];
    await recordAudit(transaction, portalActor(contact.linkId), {
      institutionId: contact.institutionId, entity: 'correction-proposal', entityId: row.id, action: 'propose', changes,
    });
    return { id: row.id };
  });
}

async function findPendingProposal(transaction: Transaction, institutionId: number, proposalId: number) {
  const proposal = await CorrectionProposal.findOne({ where: { id: proposalId, institutionId }, transaction });
  if (!proposal) throw notFound();
  if (proposal.status !== 'pending') throw new DomainError('conflict', 'privacy:corrections.alreadyReviewed');
  return proposal;
}

/**
 * Accepts a correction: the person is changed through the directory's own update (its rules, its
 * audit event, the stakeholder's name) and the proposal is settled, in one transaction. The data
 * subject supplied the values, so they count as verified today.
 */
export async function acceptCorrection(actor: Actor, input: InInstitution & { proposalId: number }): Promise<void> {
  await inTransaction(async (transaction) => {
    const proposal = await findPendingProposal(transaction, input.institutionId, input.proposalId);
    const person = await findPerson(transaction, input.institutionId, proposal.personId);
    if (person.erasedAt) throw new DomainError('conflict', 'privacy:corrections.personErased');
    const typed = { ...currentValues(person), ...proposal.proposed };
    const parsed = personSchema.safeParse({
      ...Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, v ?? ''])),
      source: person.source ?? '', legalBasis: person.legalBasis ?? '', verified: 'on',
    });
    if (!parsed.success) throw new DomainError('invalid', 'privacy:corrections.noLongerValid');
    await updatePersonIn(transaction, actor, { ...parsed.data, institutionId: input.institutionId, personId: person.id, version: person.version });
    await proposal.update({ status: 'accepted', reviewedByUserId: actor.userId, reviewedAt: new Date() }, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'correction-proposal', entityId: proposal.id, action: 'accept', changes: { status: ['pending', 'accepted'] },
    });
  });
}

/** Rejects a correction with the reason the contact is owed. */
export async function rejectCorrection(actor: Actor, input: InInstitution & { proposalId: number; reason: string }): Promise<void> {
  await inTransaction(async (transaction) => {
    const proposal = await findPendingProposal(transaction, input.institutionId, input.proposalId);
    await proposal.update({ status: 'rejected', reviewNote: input.reason, reviewedByUserId: actor.userId, reviewedAt: new Date() }, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'correction-proposal', entityId: proposal.id, action: 'reject',
      changes: { status: ['pending', 'rejected'], reviewNote: [null, input.reason] },
    });
  });
}
