import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IntentButton } from '~/components/form-extras';
import { useDays } from '~/modules/stakeholders/components/labels';

/** The address on one line, or a dash. */
export function addressLine(record: { street?: string | null; houseNumber?: string | null; postcode?: string | null; city?: string | null }) {
  const first = [record.street, record.houseNumber].filter(Boolean).join(' ');
  const second = [record.postcode, record.city].filter(Boolean).join(' ');
  return [first, second].filter(Boolean).join(', ');
}

/** A label and a value in a facts list; a dash when there is nothing to say. */
export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <>
      <dt>{label}</dt>
      <dd>{empty ? t('common:none') : children}</dd>
    </>
  );
}

/**
 * "Last verified" with the button that confirms the details today; data older than twelve months
 * is marked as due for a check.
 */
export function VerifiedFact({ lastVerifiedOn, stale, canWrite, version }: { lastVerifiedOn: string | null; stale: boolean; canWrite: boolean; version: number }) {
  const { t } = useTranslation('parties');
  const { day } = useDays();
  return (
    <>
      <dt>{t('fields.lastVerifiedOn')}</dt>
      <dd>
        {lastVerifiedOn ? day(lastVerifiedOn) : t('verify.never')}
        {stale ? <> <span className="badge badge-warn">{t('verify.stale')}</span></> : null}
        {canWrite ? (
          <Form method="post" className="inline-form verify-form">
            <input type="hidden" name="version" value={version} />
            <IntentButton intent="verify" className="button-secondary button-small">{t('verify.confirm')}</IntentButton>
          </Form>
        ) : null}
      </dd>
    </>
  );
}

/** Deactivate or reactivate: never a delete, the history stays. */
export function ActivationForm({ active, version }: { active: boolean; version: number }) {
  const { t } = useTranslation('parties');
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="version" value={version} />
      <IntentButton intent={active ? 'deactivate' : 'reactivate'} className="button-secondary">
        {active ? t('actions.deactivate') : t('actions.reactivate')}
      </IntentButton>
    </Form>
  );
}

/** A notice on a record merged into another: it stays readable, the survivor is where work continues. */
export function MergedNotice({ href, name }: { href: string; name: string }) {
  const { t } = useTranslation('parties');
  return (
    <div className="notice notice-info" role="status">
      {t('merge.mergedInto')} <Link to={href}>{name}</Link>
    </div>
  );
}
