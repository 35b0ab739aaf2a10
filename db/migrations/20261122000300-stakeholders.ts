import type { QueryInterface } from 'sequelize';
import {
  addIndexes, between, createTable, day, dropTables, fk, flag, id, institutionFk, instant, int, name, notBefore, oneOf,
  text, timestamps, version,
} from './helpers';

const CATEGORIES = [
  'government', 'regulator', 'funder', 'client-representation', 'works-council', 'partner', 'supplier',
  'community', 'field',
];
const QUADRANTS = ['manage-closely', 'keep-satisfied', 'keep-informed', 'monitor'];
const MITCHELL_CLASSES = [
  'dormant', 'discretionary', 'demanding', 'dominant', 'dangerous', 'dependent', 'definitive', 'none',
];
const CHANNELS = ['meeting', 'phone', 'email', 'letter', 'video-call', 'event', 'site-visit', 'other'];

export async function up(qi: QueryInterface): Promise<void> {
  await createTable(qi, 'stakeholders', {
    id: id(),
    institution_id: institutionFk(),
    party_kind: oneOf(['organisation', 'person', 'household']),
    organisation_id: fk('organisations', 'RESTRICT'),
    person_id: fk('persons', 'RESTRICT'),
    household_id: {
      ...fk('households', 'RESTRICT'),
      // Exactly one party, and the one its kind names.
      check: () =>
        `(party_kind = 'organisation' AND organisation_id IS NOT NULL AND person_id IS NULL AND household_id IS NULL)
        OR (party_kind = 'person' AND person_id IS NOT NULL AND organisation_id IS NULL AND household_id IS NULL)
        OR (party_kind = 'household' AND household_id IS NOT NULL AND organisation_id IS NULL AND person_id IS NULL)`,
    },
    // The party's display name, kept with the party in the same transaction so the register sorts in SQL.
    name: name(),
    category: oneOf(CATEGORIES),
    tier: oneOf(['a', 'b', 'c']),
    tier_rationale: text(true, 300),
    owner_user_id: fk('users', 'SET NULL'),
    status: oneOf(['active', 'dormant', 'ended'], { defaultValue: 'active' }),
    description: text(true),
    // The latest assessment's fixed values, written with it so the register filters on them.
    power: int(true, between(1, 5)),
    interest: int(true, between(1, 5)),
    quadrant: oneOf(QUADRANTS, { allowNull: true }),
    mitchell_class: oneOf(MITCHELL_CLASSES, { allowNull: true }),
    assessed_on: day(),
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'stakeholders', [
    { fields: ['institution_id', 'organisation_id'], unique: true, where: 'organisation_id IS NOT NULL' },
    { fields: ['institution_id', 'person_id'], unique: true, where: 'person_id IS NOT NULL' },
    { fields: ['institution_id', 'household_id'], unique: true, where: 'household_id IS NOT NULL' },
    { fields: ['institution_id', 'name'] },
    { fields: ['institution_id', 'category', 'name'] },
    { fields: ['institution_id', 'tier', 'name'] },
    { fields: ['institution_id', 'quadrant'] },
    { fields: ['institution_id', 'status'] },
    { fields: ['owner_user_id'] },
  ]);

  await createTable(qi, 'salience_assessments', {
    id: id(),
    institution_id: institutionFk(),
    stakeholder_id: fk('stakeholders', 'CASCADE', false),
    assessed_on: day(false),
    power: int(false, between(1, 5)),
    interest: int(false, between(1, 5)),
    legitimacy: flag(false),
    urgency: flag(false),
    // Derived from the fixed values above, which never change once stored.
    quadrant: oneOf(QUADRANTS),
    mitchell_class: oneOf(MITCHELL_CLASSES),
    note: text(true),
    assessed_by_user_id: fk('users', 'SET NULL'),
    ...timestamps(),
  });
  await addIndexes(qi, 'salience_assessments', [{ fields: ['stakeholder_id', 'assessed_on'] }]);

  await createTable(qi, 'interests', {
    id: id(),
    institution_id: institutionFk(),
    stakeholder_id: fk('stakeholders', 'CASCADE', false),
    theme_id: fk('themes', 'SET NULL'),
    title: text(false, 200),
    description: text(true),
    priority: oneOf(['high', 'medium', 'low'], { defaultValue: 'medium' }),
    since: day(),
    status: oneOf(['active', 'addressed', 'dropped'], { defaultValue: 'active' }),
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'interests', [
    { fields: ['stakeholder_id'] },
    { fields: ['institution_id', 'theme_id'] },
  ]);

  await createTable(qi, 'engagements', {
    id: id(),
    institution_id: institutionFk(),
    occurred_on: day(false),
    channel: oneOf(CHANNELS),
    direction: oneOf(['inbound', 'outbound', 'mutual']),
    subject: text(false, 200),
    summary: text(true),
    follow_up: text(true),
    follow_up_owner_user_id: fk('users', 'SET NULL'),
    follow_up_due_on: day(),
    follow_up_done_on: { ...day(), check: notBefore('occurred_on') },
    recorded_by_user_id: fk('users', 'SET NULL'),
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'engagements', [
    { fields: ['institution_id', 'occurred_on'] },
    { fields: ['institution_id', 'follow_up_due_on'], where: 'follow_up_due_on IS NOT NULL AND follow_up_done_on IS NULL' },
  ]);

  await createTable(qi, 'engagement_stakeholders', {
    id: id(),
    engagement_id: fk('engagements', 'CASCADE', false),
    stakeholder_id: fk('stakeholders', 'CASCADE', false),
    created_at: instant(false),
  });
  await addIndexes(qi, 'engagement_stakeholders', [
    { fields: ['engagement_id', 'stakeholder_id'], unique: true },
    { fields: ['stakeholder_id'] },
  ]);

  await createTable(qi, 'engagement_participants', {
    id: id(),
    engagement_id: fk('engagements', 'CASCADE', false),
    person_id: fk('persons', 'RESTRICT', false),
    // The position the person acted in, if any: puts the contact on that organisation's timeline.
    position_id: fk('positions', 'SET NULL'),
    created_at: instant(false),
  });
  await addIndexes(qi, 'engagement_participants', [
    { fields: ['engagement_id', 'person_id'], unique: true },
    { fields: ['person_id'] },
    { fields: ['position_id'] },
  ]);

  await createTable(qi, 'engagement_interests', {
    id: id(),
    engagement_id: fk('engagements', 'CASCADE', false),
    interest_id: fk('interests', 'CASCADE', false),
    created_at: instant(false),
  });
  await addIndexes(qi, 'engagement_interests', [
    { fields: ['engagement_id', 'interest_id'], unique: true },
    { fields: ['interest_id'] },
  ]);
}

export async function down(qi: QueryInterface): Promise<void> {
  await dropTables(qi, [
    'engagement_interests', 'engagement_participants', 'engagement_stakeholders', 'engagements', 'interests',
    'salience_assessments', 'stakeholders',
  ]);
}
