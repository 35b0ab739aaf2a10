import type { QueryInterface } from 'sequelize';
import {
  addIndexes, createTable, day, dropTables, fk, id, institutionFk, instant, json, notBefore, oneOf, text, timestamps,
  version,
} from './helpers';

export async function up(qi: QueryInterface): Promise<void> {
  await createTable(qi, 'data_subject_requests', {
    id: id(),
    institution_id: institutionFk(),
    // Kept when the person is erased: the request log itself is the accountability record.
    person_id: fk('persons', 'SET NULL'),
    // Who asked, in their words: survives the erasure of the person record it may point to.
    requester: text(false, 200),
    kind: oneOf(['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability']),
    received_on: day(false),
    due_on: day(false),
    extended_to: { ...day(), check: notBefore('due_on') },
    extension_reason: text(true),
    status: oneOf(['open', 'in-progress', 'completed', 'refused'], { defaultValue: 'open' }),
    outcome: text(true),
    closed_on: day(),
    handled_by_user_id: fk('users', 'SET NULL'),
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'data_subject_requests', [
    { fields: ['institution_id', 'status', 'due_on'] },
    { fields: ['person_id'] },
  ]);

  await createTable(qi, 'portal_links', {
    id: id(),
    institution_id: institutionFk(),
    person_id: fk('persons', 'CASCADE', false),
    token_hash: text(false, 128),
    expires_at: instant(false),
    used_at: instant(),
    revoked_at: instant(),
    created_by_user_id: fk('users', 'SET NULL'),
    created_at: instant(false),
  });
  await addIndexes(qi, 'portal_links', [{ fields: ['token_hash'], unique: true }, { fields: ['person_id'] }]);

  await createTable(qi, 'correction_proposals', {
    id: id(),
    institution_id: institutionFk(),
    person_id: fk('persons', 'CASCADE', false),
    portal_link_id: fk('portal_links', 'SET NULL'),
    // { field: proposed value } as the stakeholder typed it.
    proposed: json(false),
    message: text(true),
    status: oneOf(['pending', 'accepted', 'rejected'], { defaultValue: 'pending' }),
    // Why a proposal was rejected: the AVG expects the reason to be given.
    review_note: text(true),
    data_subject_request_id: fk('data_subject_requests', 'SET NULL'),
    reviewed_by_user_id: fk('users', 'SET NULL'),
    reviewed_at: instant(),
    ...timestamps(),
  });
  await addIndexes(qi, 'correction_proposals', [
    { fields: ['institution_id', 'status'] },
    { fields: ['person_id'] },
  ]);
}

export async function down(qi: QueryInterface): Promise<void> {
  await dropTables(qi, ['correction_proposals', 'portal_links', 'data_subject_requests']);
}
