import type { MomentStatus } from '~/modules/obligations/rules';
import type { Day } from '~/utils/dates';
import type { Coverage, ProvisionTag } from './library-schema';
import type { EvidenceHealth, EvidenceTally, Regime, StatementFlag, StatementStatus, StatusCounts } from './rules';
import type { EvidenceKind } from './schema';

/** Plain shapes the compliance pages pass from their loaders to their components. */

export type LocalisedText = { nl: string; en: string };

export type CodeSummary = {
  id: number;
  key: string;
  version: string;
  title: LocalisedText;
  issuer: string;
  sectors: string[];
  validFrom: Day;
  validUntil: Day | null;
  sourceUrl: string | null;
  coverage: Coverage;
  principles: number;
  provisions: number;
};

export type ProvisionView = {
  id: number;
  number: string;
  title: LocalisedText;
  summary: LocalisedText | null;
  regime: Regime;
  addressee: string | null;
  tags: ProvisionTag[];
};

export type PrincipleView = {
  id: number;
  number: string;
  title: LocalisedText;
  summary: LocalisedText | null;
  regime: Regime | null;
  provisions: ProvisionView[];
};

export type CodeTree = CodeSummary & { principlesTree: PrincipleView[] };

export type AdoptionRow = {
  id: number;
  adoptedFrom: Day;
  adoptedUntil: Day | null;
  code: Pick<CodeSummary, 'id' | 'key' | 'version' | 'title' | 'coverage' | 'validFrom' | 'validUntil'>;
};

export type YearState = {
  id: number;
  year: number;
  version: number;
  approvedAt: string | null;
  approvedBy: string | null;
  locked: boolean;
};

export type YearSummary = {
  year: number;
  opened: boolean;
  locked: boolean;
  approvedAt: string | null;
  counts: StatusCounts;
  share: number | null;
  needsReview: number;
};

export type StatementRow = {
  id: number;
  version: number;
  code: { id: number; key: string; version: string; title: LocalisedText; issuer: string; coverage: Coverage };
  principle: { id: number; number: string; title: LocalisedText };
  target: { kind: 'provision' | 'principle'; id: number; number: string; title: LocalisedText; regime: Regime; tags: ProvisionTag[] };
  status: StatementStatus;
  explanation: string | null;
  needsReview: boolean;
  health: EvidenceHealth;
  tally: EvidenceTally;
  evidenceLinks: number;
  flags: StatementFlag[];
};

export type PrincipleShare = {
  codeId: number;
  principle: { id: number; number: string; title: LocalisedText };
  counts: StatusCounts;
  share: number | null;
};

export type CodeShare = { code: StatementRow['code']; provisionsListed: number; counts: StatusCounts; share: number | null; principles: PrincipleShare[] };

export type EvidenceLink = { id: number; kind: EvidenceKind; targetId: number; label: string; detail: string | null };

export type EvidenceOption = { id: number; label: string };

export type ScopeMoment = { id: number; dueOn: Day; renderedOn: Day | null; status: MomentStatus; obligation: { id: number; title: string } };
