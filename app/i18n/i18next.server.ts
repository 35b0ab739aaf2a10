import { RemixI18Next } from 'remix-i18next/server';
import { LANGUAGES, DEFAULT_LANGUAGE } from './config';
import { i18nConfig } from './config.server';
import { languageCookie, sessionStorage } from '~/utils/session.server';

let instance: RemixI18Next | null = null;

/**
 * The language: the signed-in user's setting (kept in the session), else the language cookie,
 * else Accept-Language, else Dutch.
 */
export function i18nServer(): RemixI18Next {
  instance ??= new RemixI18Next({
    detection: {
      supportedLanguages: [...LANGUAGES],
      fallbackLanguage: DEFAULT_LANGUAGE,
      sessionStorage: sessionStorage(),
      sessionKey: 'lng',
      cookie: languageCookie,
      order: ['session', 'cookie', 'header'],
    },
    i18next: { ...i18nConfig },
  });
  return instance;
}

export const getLocale = (request: Request) => i18nServer().getLocale(request);

/** A translate function for loaders and actions (emails, exports, messages made on the server). */
export const getFixedT = (request: Request | string, namespaces?: string | string[]) =>
  typeof request === 'string'
    ? i18nServer().getFixedT(request, namespaces as never)
    : i18nServer().getFixedT(request, namespaces as never);
