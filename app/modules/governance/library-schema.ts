import { z } from 'zod';
import { SECTORS } from '~/modules/institutions/schema';

/**
 * The format of a governance-code library file (seeds/governance-codes/*.json), as described in
 * GOVERNANCE-FACTS.md "The library file". A file is validated here before anything is written.
 * Pure: no I/O, so the importer, the admin upload and the tests share it.
 */

/** How binding a provision is; kept per provision because codes mix them. */
export const REGIMES = ['comply-or-explain', 'apply-and-explain', 'mandatory', 'recommendation', 'unspecified'] as const;
export type Regime = (typeof REGIMES)[number];

// The sectors are the institutions' own vocabulary.
export { SECTORS, type Sector } from '~/modules/institutions/schema';

/**
 * Whom a provision addresses. `organisation` is for provisions aimed at the institution as a whole
 * ("de zorgorganisatie …") rather than at one of its two governing bodies.
 */
export const ADDRESSEES = ['board', 'supervisory-board', 'board-and-supervisory-board', 'organisation'] as const;
export type Addressee = (typeof ADDRESSEES)[number];

/** A fixed list, so obligations and reports can filter on tags without spelling variants. */
export const PROVISION_TAGS = [
  'stakeholders', 'participation', 'dialogue', 'accountability', 'transparency', 'integrity', 'culture',
  'societal-mission', 'quality', 'risk', 'finance', 'supervision', 'professionalism', 'evaluation', 'composition',
  'division-of-roles',
] as const;
export type ProvisionTag = (typeof PROVISION_TAGS)[number];

export const COVERAGES = ['complete', 'partial'] as const;
export type Coverage = (typeof COVERAGES)[number];

const KEBAB_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// "4", "2.3", "3.1.1": the numbering the codes themselves use.
const PROVISION_NUMBER = /^\d+(?:\.\d+)*$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day, checked on the digits: no Date object, so no timezone can shift it. */
export function isCalendarDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= daysInMonth;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const text = (max?: number) => {
  const nonEmpty = z.string().trim().min(1, 'must not be empty');
  return max ? nonEmpty.max(max, `must be at most ${max} characters`) : nonEmpty;
};

const localizedText = z.object({ nl: text(), en: text() }).strict();
export type LocalizedText = z.infer<typeof localizedText>;

// One check, one message: a date in the wrong shape is not also reported as a non-existent day.
const calendarDay = z.string().superRefine((value, ctx) => {
  if (!ISO_DAY.test(value)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a date written YYYY-MM-DD' });
  } else if (!isCalendarDay(value)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is not a calendar date' });
  }
});

const codeNumber = z.string().max(20).regex(PROVISION_NUMBER, 'must be a number such as "4", "2.3" or "3.1.1"');

const provisionSchema = z
  .object({
    number: codeNumber,
    title: localizedText,
    summary: localizedText.optional(),
    regime: z.enum(REGIMES),
    addressee: z.enum(ADDRESSEES).optional(),
    tags: z.array(z.enum(PROVISION_TAGS)).default([]),
  })
  .strict();

const principleSchema = z
  .object({
    number: codeNumber,
    title: localizedText,
    summary: localizedText.optional(),
    // Used when the library lists no provisions for the principle: the statement is then made on it.
    regime: z.enum(REGIMES).optional(),
    provisions: z.array(provisionSchema),
  })
  .strict();

export const codeLibrarySchema = z
  .object({
    key: z.string().max(80).regex(KEBAB_SLUG, 'must be a kebab-case slug such as "woningcorporaties"'),
    version: text(40),
    title: localizedText,
    issuer: text(200),
    sectors: z.array(z.enum(SECTORS)).min(1, 'must name at least one sector'),
    validFrom: calendarDay,
    validUntil: calendarDay.nullable().default(null),
    sourceUrl: z.string().max(500).refine(isHttpUrl, 'must be an http(s) URL'),
    coverage: z.enum(COVERAGES),
    principles: z.array(principleSchema).min(1, 'must list at least one principle'),
  })
  .strict()
  // zod runs this only once every field has the right shape, so the rules across fields can trust it.
  .superRefine((library, ctx) => {
    if (library.validUntil !== null && library.validUntil < library.validFrom) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['validUntil'], message: 'must not be before validFrom' });
    }

    library.sectors.forEach((sector, i) => {
      if (library.sectors.indexOf(sector) !== i) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['sectors', i], message: `sector "${sector}" is listed twice` });
      }
    });

    const principleNumbers = new Set<string>();
    const provisionNumbers = new Set<string>();
    library.principles.forEach((principle, p) => {
      if (principleNumbers.has(principle.number)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['principles', p, 'number'],
          message: `principle number "${principle.number}" is used twice`,
        });
      }
      principleNumbers.add(principle.number);

      principle.provisions.forEach((provision, q) => {
        const at = ['principles', p, 'provisions', q];
        if (!provision.number.startsWith(`${principle.number}.`)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [...at, 'number'],
            message: `provision "${provision.number}" does not belong to principle "${principle.number}"`,
          });
        }
        if (provisionNumbers.has(provision.number)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [...at, 'number'],
            message: `provision number "${provision.number}" is used twice`,
          });
        }
        provisionNumbers.add(provision.number);
        provision.tags.forEach((tag, t) => {
          if (provision.tags.indexOf(tag) !== t) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...at, 'tags', t], message: `tag "${tag}" is listed twice` });
          }
        });
      });
    });

    // Honesty about the libraries: "complete" only when every provision of the code is present.
    const bare = library.principles.filter((principle) => principle.provisions.length === 0);
    if (library.coverage === 'complete' && bare.length > 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['coverage'],
        message: `cannot be "complete" while principle(s) ${bare.map((p) => `"${p.number}"`).join(', ')} list no provisions`,
      });
    }
  });

export type CodeLibrary = z.infer<typeof codeLibrarySchema>;
export type CodePrinciple = CodeLibrary['principles'][number];
export type CodeProvision = CodePrinciple['provisions'][number];

export type LibraryError = { path: string; message: string };

/** `principles[2].provisions[4].regime`; the file itself is `(root)`. */
export function formatIssuePath(path: (string | number)[]): string {
  if (path.length === 0) return '(root)';
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text ? `${text}.${part}` : part;
  }, '');
}

function errorsOf(error: z.ZodError): LibraryError[] {
  return error.issues.flatMap((issue) => {
    // Name each unknown key where it sits, so the author finds the typo without counting braces.
    if (issue.code === z.ZodIssueCode.unrecognized_keys) {
      return issue.keys.map((key) => ({ path: formatIssuePath([...issue.path, key]), message: 'unknown key' }));
    }
    return [{ path: formatIssuePath(issue.path), message: issue.message }];
  });
}

export function validateCodeLibrary(
  json: unknown,
): { ok: true; library: CodeLibrary } | { ok: false; errors: LibraryError[] } {
  const parsed = codeLibrarySchema.safeParse(json);
  if (parsed.success) return { ok: true, library: parsed.data };
  return { ok: false, errors: errorsOf(parsed.error) };
}

/** DESIGN.md: a provision whose regime the source does not tell is treated as comply-or-explain. */
export function effectiveRegime(regime: Regime): Exclude<Regime, 'unspecified'> {
  return regime === 'unspecified' ? 'comply-or-explain' : regime;
}

/** Something a compliance statement can be made on: a provision, or a principle without listed provisions. */
export type StatementTarget = {
  kind: 'provision' | 'principle';
  number: string;
  principleNumber: string;
  title: LocalizedText;
  regime: Regime;
  tags: ProvisionTag[];
};

/**
 * The statement targets of a library in document order: every provision, and every principle whose
 * provisions the library does not list (it then carries the statement, with its own regime).
 */
export function statementTargets(library: Pick<CodeLibrary, 'principles'>): StatementTarget[] {
  return library.principles.flatMap((principle): StatementTarget[] => {
    if (principle.provisions.length === 0) {
      return [
        {
          kind: 'principle',
          number: principle.number,
          principleNumber: principle.number,
          title: principle.title,
          regime: principle.regime ?? 'unspecified',
          tags: [],
        },
      ];
    }
    return principle.provisions.map((provision) => ({
      kind: 'provision',
      number: provision.number,
      principleNumber: principle.number,
      title: provision.title,
      regime: provision.regime,
      tags: provision.tags,
    }));
  });
}
