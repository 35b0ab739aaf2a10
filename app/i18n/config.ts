import { resources } from '~/locales';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** Shared by the server render and the browser, so both start from the same catalogue. */
export const i18nConfig = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: 'common',
  ns: Object.keys(resources.en),
  resources,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
} as const;
