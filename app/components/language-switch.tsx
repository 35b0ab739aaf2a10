import { Form, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '~/i18n/config';

/** Works without JavaScript: a small form that posts the choice and comes back to this page. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className={compact ? 'inline-form language-switch' : 'language-switch'}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <label htmlFor="language-select" className={compact ? 'visually-hidden' : 'label'}>{t('language.label')}</label>{' '}
      <select id="language-select" name="lng" defaultValue={i18n.language} key={i18n.language} style={{ width: 'auto' }}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>{t(`language.${lng}`)}</option>
        ))}
      </select>{' '}
      <button type="submit" className="button-secondary button-small">{t('language.apply')}</button>
    </Form>
  );
}
