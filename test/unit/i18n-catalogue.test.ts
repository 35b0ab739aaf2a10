import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '~/locales';

type Catalogue = Record<string, unknown>;

function flatten(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value as Catalogue).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key));
}

function lookup(language: 'en' | 'nl', namespace: string, key: string): unknown {
  let node: unknown = (resources[language] as Record<string, Catalogue>)[namespace];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Catalogue)[part];
  }
  return node;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const NAMESPACES = Object.keys(resources.en);
const files = sourceFiles(path.resolve('app'));

/** Every translation key the code names literally: `t('x.y')`, `t('ns:x.y')`, and 'ns:x.y' message keys. */
function usedKeys(): { file: string; namespace: string; key: string; prefix: boolean | null }[] {
  const found: { file: string; namespace: string; key: string; prefix: boolean | null }[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const declared = /useTranslation\(\s*(?:\[\s*)?'([a-z]+)'/.exec(source)?.[1] ?? 'common';
    const resolve = (raw: string, prefix: boolean | null) => {
      const [namespace, key] = raw.includes(':') ? (raw.split(':') as [string, string]) : [declared, raw];
      if (NAMESPACES.includes(namespace)) found.push({ file, namespace, key, prefix });
    };
    for (const match of source.matchAll(/\bt\(\s*'([A-Za-z0-9_.:-]+)'/g)) resolve(match[1]!, false);
    // A template key such as t(`sectors.${sector}`): at least its fixed part must exist.
    for (const match of source.matchAll(/\bt\(\s*`([A-Za-z0-9_.:-]+)\.\$\{/g)) resolve(match[1]!, true);
    // A quoted 'ns:x.y' may be a message or a prefix of labels (app/modules/audit/value-labels.ts): it must exist.
    for (const match of source.matchAll(/'([a-z]+):([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+)'/g)) resolve(`${match[1]}:${match[2]}`, null);
  }
  return found;
}

describe('the message catalogue', () => {
  it.each(NAMESPACES)('namespace %s has the same keys in English and Dutch', (namespace) => {
    const en = flatten((resources.en as Record<string, Catalogue>)[namespace]).sort();
    const nl = flatten((resources.nl as Record<string, Catalogue>)[namespace]).sort();
    expect(en.filter((k) => !nl.includes(k)), 'in English only').toEqual([]);
    expect(nl.filter((k) => !en.includes(k)), 'in Dutch only').toEqual([]);
  });

  it('has no empty texts', () => {
    for (const language of ['en', 'nl'] as const) {
      for (const namespace of NAMESPACES) {
        const empty = flatten((resources[language] as Record<string, Catalogue>)[namespace]).filter(
          (key) => key && lookup(language, namespace, key) === '',
        );
        expect(empty, `${language}/${namespace}`).toEqual([]);
      }
    }
  });

  it('holds every key the code uses, in both languages', () => {
    const keys = usedKeys();
    expect(keys.length).toBeGreaterThan(50);
    const missing = keys
      .filter(({ namespace, key, prefix }) =>
        (['en', 'nl'] as const).some((language) => {
          const value = lookup(language, namespace, key);
          if (prefix === null) return typeof value !== 'object' && typeof value !== 'string';
          return prefix ? typeof value !== 'object' : typeof value !== 'string';
        }),
      )
      .map(({ file, namespace, key }) => `${path.relative(process.cwd(), file)}: ${namespace}:${key}`);
    expect([...new Set(missing)]).toEqual([]);
  });
});
