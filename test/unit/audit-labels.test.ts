import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '~/locales';

/**
 * The audit trail and the History component translate an event's entity and action through the
 * audit catalogue and fall back to the raw slug. This test reads the modules' source for every
 * entity and action they write, so a new one without a label fails here instead of showing
 * `undo-waive` to a Dutch board secretary.
 */

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(name) ? [full] : [];
  });
}

const SLUG = `'([a-z][a-z0-9-]*)'`;

/** The text between the parenthesis at `open` and its partner. */
function balanced(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return source.slice(open + 1, i);
  }
  return '';
}

/** Top-level arguments of a call's argument text. */
function splitArgs(args: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if ('([{'.includes(c!)) depth++;
    else if (')]}'.includes(c!)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(args.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(args.slice(start));
  return parts;
}

/** Slugs an expression can evaluate to: a literal, or the branches of a ternary. */
const slugsOf = (expression: string) => [...expression.matchAll(new RegExp(`(?:^|[?:])\\s*${SLUG}`, 'g'))].map((m) => m[1]!);

type Found = { kind: 'entity' | 'action'; slug: string; file: string; viaHelper?: boolean };

function auditSlugs(): Found[] {
  const found: Found[] = [];
  // The audit area reads events; the slugs come from the areas that write them.
  for (const file of sourceFiles(path.resolve('app/modules')).filter((f) => !f.includes(`${path.sep}audit${path.sep}`))) {
    const source = readFileSync(file, 'utf8');
    const rel = path.relative(process.cwd(), file);
    // `entity: 'x'`, `action: 'x'`, `action: cond ? 'x' : 'y'`.
    for (const match of source.matchAll(/\b(entity|action):\s*([^,}\n]+)/g)) {
      for (const slug of slugsOf(match[2]!.trim())) found.push({ kind: match[1] as 'entity' | 'action', slug, file: rel });
    }
    // Helpers that take the action as a parameter (`auditMoment(…, 'waive', …)`): the literal at that position of each call.
    const helpers = [
      ...source.matchAll(/function\s+(\w+)\s*\(([^)]*)\)/g),
      ...source.matchAll(/const\s+(\w+)\s*=\s*(?:async\s*)?\(([^)]*)\)\s*=>/g),
    ].filter((m) => /\baction\s*:\s*string\b/.test(m[2]!));
    for (const [, name, params] of helpers) {
      const index = splitArgs(params!).findIndex((p) => /^\s*action\s*:/.test(p));
      for (const call of source.matchAll(new RegExp(`\\b${name}\\(`, 'g'))) {
        const args = splitArgs(balanced(source, call.index! + call[0].length - 1));
        if (args.length <= index || /:\s*string/.test(args[index]!)) continue; // the definition itself
        for (const slug of slugsOf(args[index]!.trim())) found.push({ kind: 'action', slug, file: rel, viaHelper: true });
      }
    }
    // Functions that compute an action (`transitionAction`): what they return.
    for (const fn of source.matchAll(/function\s+\w+Action\s*\([^)]*\)[^{]*\{([\s\S]*?)\n\}/g)) {
      for (const m of fn[1]!.matchAll(new RegExp(`(?:return|\\?|:)\\s*${SLUG}`, 'g'))) found.push({ kind: 'action', slug: m[1]!, file: rel });
    }
  }
  return found;
}

const catalogue = (language: 'en' | 'nl') => resources[language].audit as unknown as { entities: Record<string, string>; actions: Record<string, string> };

describe('audit labels', () => {
  const found = auditSlugs();

  it('finds the audit calls of the areas (the extraction itself works)', () => {
    const slugs = (kind: Found['kind']) => new Set(found.filter((f) => f.kind === kind).map((f) => f.slug));
    for (const entity of ['agreement', 'obligation', 'reporting-moment', 'stakeholder', 'organisation', 'membership']) expect(slugs('entity')).toContain(entity);
    // A ternary, a helper argument, a computed transition, a helper with an entity prefix.
    for (const action of ['resume', 'end', 'undo-waive', 'regenerate', 'terminate', 'reopen', 'membership-grant']) expect(slugs('action')).toContain(action);
  });

  it.each(['en', 'nl'] as const)('every entity and action written in app/modules has a label in %s', (language) => {
    const { entities, actions } = catalogue(language);
    const missing = found
      .filter(({ kind, slug, viaHelper }) => {
        if (kind === 'entity') return !entities[slug];
        if (actions[slug]) return false;
        // A helper may carry the entity in the action's prefix (`membership-grant` → membership, grant).
        const prefix = Object.keys(entities).find((entity) => slug.startsWith(`${entity}-`));
        return !(viaHelper && prefix && actions[slug.slice(prefix.length + 1)]);
      })
      .map(({ kind, slug, file }) => `${file}: ${kind} ${slug}`);
    expect([...new Set(missing)]).toEqual([]);
  });
});
