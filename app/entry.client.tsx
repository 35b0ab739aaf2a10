import { RemixBrowser } from '@remix-run/react';
import i18next from 'i18next';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { i18nOptions, isLanguage, DEFAULT_LANGUAGE, type Language } from '~/i18n/config';

// One chunk per language: a page downloads the catalogue it shows, not both (about 30 KB gzip each).
const catalogues: Record<Language, () => Promise<{ catalogue: Record<string, object> }>> = {
  en: () => import('~/locales/catalogue-en'),
  nl: () => import('~/locales/catalogue-nl'),
};

async function hydrate() {
  // The server rendered in <html lang>; the browser starts in the same language to hydrate cleanly.
  const lang = document.documentElement.lang;
  const lng = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
  const { catalogue } = await catalogues[lng]();
  await i18next
    .use(initReactI18next)
    // Switching language (useChangeLanguage in root) loads the other catalogue before it is shown.
    .use({
      type: 'backend' as const,
      init() {},
      read(language: string, namespace: string, callback: (error: unknown, data: object | null) => void) {
        if (!isLanguage(language)) return callback(null, {});
        catalogues[language]().then((loaded) => callback(null, loaded.catalogue[namespace] ?? {}), (error) => callback(error, null));
      },
    })
    .init({
      ...i18nOptions,
      lng,
      ns: Object.keys(catalogue),
      resources: { [lng]: catalogue },
      partialBundledLanguages: true,
      // Both catalogues hold every key (a test checks): no second language to load as a fallback.
      fallbackLng: false,
    });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
