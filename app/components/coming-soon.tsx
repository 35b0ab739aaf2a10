import { useTranslation } from 'react-i18next';

/** A polite placeholder for an area whose screens have not landed yet. */
export function ComingSoon({ areaKey }: { areaKey: string }) {
  const { t } = useTranslation();
  const area = t(areaKey);
  return (
    <>
      <h1>{area}</h1>
      <div className="placeholder">
        <h2>{t('comingSoon.title', { area })}</h2>
        <p>{t('comingSoon.body')}</p>
      </div>
    </>
  );
}
