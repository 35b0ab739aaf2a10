import type { QueryInterface } from 'sequelize';
import {
  addIndexes, createTable, dropTables, fk, flag, id, instant, int, json, name, oneOf, text, timestamps, version,
} from './helpers';

// Frozen vocabulary of this migration; later changes come as new migrations.
const SECTORS = [
  'primary-education', 'secondary-education', 'vocational-education', 'applied-sciences', 'university',
  'housing', 'healthcare', 'other',
];
const ROLES = ['secretary', 'manager', 'supervisor'];

export async function up(qi: QueryInterface): Promise<void> {
  await createTable(qi, 'institutions', {
    id: id(),
    name: name(),
    sector: oneOf(SECTORS),
    kvk_number: { ...text(true, 8), check: (c) => `${c} IS NULL OR length(${c}) = 8` },
    city: text(true, 120),
    website: text(true, 300),
    active: flag(true),
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'institutions', [
    { fields: ['kvk_number'], unique: true, where: 'kvk_number IS NOT NULL' },
    { fields: ['name'] },
    { fields: ['sector'] },
  ]);

  await createTable(qi, 'users', {
    id: id(),
    email: { ...text(false, 254), check: (c) => `${c} = lower(${c})` },
    name: name(),
    password_hash: text(true, 300),
    is_admin: flag(false),
    locale: oneOf(['nl', 'en'], { allowNull: true }),
    active: flag(true),
    deactivated_at: instant(),
    // Sessions issued before this instant are void: deactivation and password changes end them.
    sessions_valid_after: instant(),
    calendar_token_hash: text(true, 128),
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'users', [
    { fields: ['email'], unique: true },
    { fields: ['calendar_token_hash'], unique: true, where: 'calendar_token_hash IS NOT NULL' },
  ]);

  await createTable(qi, 'memberships', {
    id: id(),
    user_id: fk('users', 'CASCADE', false),
    institution_id: fk('institutions', 'CASCADE', false),
    role: oneOf(ROLES),
    ...timestamps(),
  });
  await addIndexes(qi, 'memberships', [
    { fields: ['user_id', 'institution_id'], unique: true },
    { fields: ['institution_id', 'role'] },
  ]);

  await createTable(qi, 'auth_tokens', {
    id: id(),
    user_id: fk('users', 'CASCADE', false),
    purpose: oneOf(['set-password']),
    token_hash: text(false, 128),
    expires_at: instant(false),
    used_at: instant(),
    created_at: instant(false),
  });
  await addIndexes(qi, 'auth_tokens', [{ fields: ['token_hash'], unique: true }, { fields: ['user_id'] }]);

  // Failed sign-ins, per account and per address, kept in the database so throttling holds
  // across restarts and app servers.
  await createTable(qi, 'sign_in_failures', {
    id: id(),
    scope: oneOf(['account', 'address']),
    subject: text(false, 254),
    failed_at: instant(false),
  });
  await addIndexes(qi, 'sign_in_failures', [{ fields: ['scope', 'subject', 'failed_at'] }]);

  await createTable(qi, 'audit_events', {
    id: id(),
    occurred_at: instant(false),
    actor_user_id: fk('users', 'SET NULL'),
    // 'system' for scripts, otherwise the user's email at the time: readable after a user is renamed.
    actor_label: text(false, 254),
    institution_id: fk('institutions', 'SET NULL'),
    entity: text(false, 60),
    entity_id: text(true, 60),
    action: text(false, 60),
    changes: json(),
  });
  await addIndexes(qi, 'audit_events', [
    { fields: ['institution_id', 'occurred_at'] },
    { fields: ['entity', 'entity_id'] },
    { fields: ['actor_user_id', 'occurred_at'] },
  ]);

  await createTable(qi, 'mail_outbox', {
    id: id(),
    to_address: text(false, 254),
    subject: text(false, 300),
    text_body: text(false),
    html_body: text(true),
    kind: text(false, 60),
    institution_id: fk('institutions', 'SET NULL'),
    status: oneOf(['stored', 'sent', 'failed']),
    error: text(true),
    sent_at: instant(),
    created_at: instant(false),
  });
  await addIndexes(qi, 'mail_outbox', [{ fields: ['created_at'] }, { fields: ['to_address'] }]);

  await createTable(qi, 'themes', {
    id: id(),
    institution_id: fk('institutions', 'CASCADE', false),
    name: text(false, 120),
    active: flag(true),
    position: { ...int(false), defaultValue: 0 },
    ...timestamps(),
  });
  await addIndexes(qi, 'themes', [{ fields: ['institution_id', 'name'], unique: true }]);
}

export async function down(qi: QueryInterface): Promise<void> {
  await dropTables(qi, ['themes', 'mail_outbox', 'audit_events', 'sign_in_failures', 'auth_tokens', 'memberships', 'users', 'institutions']);
}
