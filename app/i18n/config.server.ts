import { resources } from '~/locales';
import { i18nOptions } from './config';

/** The server render's options (and the tests'): every catalogue of both languages. */
export const i18nConfig = { ...i18nOptions, ns: Object.keys(resources.en), resources } as const;
