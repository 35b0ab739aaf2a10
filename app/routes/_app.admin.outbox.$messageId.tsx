import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireAdmin } from '~/modules/auth/guards.server';
import { MailStatus } from '~/modules/users/components/mail-status';
import { getOutboxMessage } from '~/modules/users/queries.server';
import { notFound } from '~/utils/errors';
import { formatInstant } from '~/utils/instants';
import { idParam } from '~/utils/route-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const message = await getOutboxMessage(idParam(params.messageId));
  if (!message) throw notFound();
  return json({ message });
}

export default function OutboxMessage() {
  const { t, i18n } = useTranslation('admin');
  const { message } = useLoaderData<typeof loader>();
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to="/admin/outbox">{t('outbox.title')}</Link></p>
      <h1>{message.subject}</h1>
      <section className="card" aria-labelledby="message-facts">
        <h2 id="message-facts" className="visually-hidden">{t('outbox.details')}</h2>
        <dl className="facts">
          <dt>{t('outbox.to')}</dt>
          <dd>{message.to}</dd>
          <dt>{t('outbox.kind')}</dt>
          <dd>{t(`outbox.kinds.${message.kind}`, { defaultValue: message.kind })}</dd>
          <dt>{t('outbox.status')}</dt>
          <dd><MailStatus status={message.status} /></dd>
          <dt>{t('outbox.createdAt')}</dt>
          <dd><time dateTime={message.createdAt}>{formatInstant(message.createdAt, locale)}</time></dd>
          {message.sentAt ? (
            <>
              <dt>{t('outbox.sentAt')}</dt>
              <dd><time dateTime={message.sentAt}>{formatInstant(message.sentAt, locale)}</time></dd>
            </>
          ) : null}
          {message.error ? (
            <>
              <dt>{t('outbox.error')}</dt>
              <dd>{message.error}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="card" aria-labelledby="message-body">
        <h2 id="message-body">{t('outbox.body')}</h2>
        <pre className="mail-body">{message.text}</pre>
      </section>
    </div>
  );
}
