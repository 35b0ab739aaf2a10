import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Print / save as PDF": the browser's own print dialog, with the print stylesheet. Shown only
 * once JavaScript runs; without it the browser's print command does the same.
 */
export function PrintButton() {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return <button type="button" className="button-secondary" onClick={() => window.print()}>{t('actions.print')}</button>;
}
