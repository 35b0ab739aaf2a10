export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/**
 * Options the server render and the browser share, so both translate alike. No catalogue here:
 * this file is in every page's bundle, and the browser loads only the language it shows
 * (entry.client.tsx); the server's options with every catalogue are in config.server.ts.
 */
export const i18nOptions = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
} as const;

