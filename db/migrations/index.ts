import type { QueryInterface } from 'sequelize';
import * as platform from './20261122000100-platform';
import * as parties from './20261122000200-parties';
import * as stakeholders from './20261122000300-stakeholders';
import * as accountability from './20261122000400-accountability';
import * as governance from './20261122000500-governance';
import * as privacy from './20261122000600-privacy';
import * as stakeholdersRegisterIndexes from './20261122000710-stakeholders-register-indexes';
import * as oversightIndexes from './20261122000740-oversight-indexes';
import * as auditTrailIndexes from './20261122000760-audit-trail-indexes';
import * as oversightReviewIndexes from './20261122000780-oversight-review-indexes';
import * as qualitySnapshots from './20261122000800-quality-snapshots';
import * as oversightTrendIndexes from './20261122000900-oversight-trend-indexes';
import * as momentStatusIndex from './20261122001000-moment-status-index';
import * as stakeholdersRegisterOrderIndexes from './20261122001100-stakeholders-register-order-indexes';

export type MigrationModule = { up(qi: QueryInterface): Promise<void>; down(qi: QueryInterface): Promise<void> };

/** Every migration, in order. Listed, not globbed, so scripts, tests and the build load the same set. */
export const migrations: { name: string; module: MigrationModule }[] = [
  { name: '20261122000100-platform', module: platform },
  { name: '20261122000200-parties', module: parties },
  { name: '20261122000300-stakeholders', module: stakeholders },
  { name: '20261122000400-accountability', module: accountability },
  { name: '20261122000500-governance', module: governance },
  { name: '20261122000600-privacy', module: privacy },
  { name: '20261122000710-stakeholders-register-indexes', module: stakeholdersRegisterIndexes },
  { name: '20261122000740-oversight-indexes', module: oversightIndexes },
  { name: '20261122000760-audit-trail-indexes', module: auditTrailIndexes },
  { name: '20261122000780-oversight-review-indexes', module: oversightReviewIndexes },
  { name: '20261122000800-quality-snapshots', module: qualitySnapshots },
  { name: '20261122000900-oversight-trend-indexes', module: oversightTrendIndexes },
  { name: '20261122001000-moment-status-index', module: momentStatusIndex },
  { name: '20261122001100-stakeholders-register-order-indexes', module: stakeholdersRegisterOrderIndexes },
];
