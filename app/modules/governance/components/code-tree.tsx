import { useTranslation } from 'react-i18next';
import { formatDay, type DateLocale } from '~/utils/dates';
import type { CodeTree } from '../views';
import { CoverageNotice, RegimeLabel } from './labels';
import { TableCaption, TableWrap } from '~/components/table-wrap';

/** The facts of a code version: issuer, validity, sectors, source, coverage. */
export function CodeFacts({ code }: { code: Omit<CodeTree, 'principlesTree'> }) {
  const { t, i18n } = useTranslation('governance');
  const locale: DateLocale = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <dl className="facts">
      <dt>{t('code.issuer')}</dt>
      <dd>{code.issuer}</dd>
      <dt>{t('code.version')}</dt>
      <dd>{code.version}</dd>
      <dt>{t('code.valid')}</dt>
      <dd>{code.validUntil ? t('code.validBetween', { from: formatDay(code.validFrom, locale), until: formatDay(code.validUntil, locale) }) : t('code.validFrom', { from: formatDay(code.validFrom, locale) })}</dd>
      <dt>{t('code.sectors')}</dt>
      <dd>{code.sectors.map((s) => t(`common:sectors.${s}`)).join(', ')}</dd>
      <dt>{t('code.coverage')}</dt>
      <dd>{t(`coverage.${code.coverage}`)}</dd>
      <dt>{t('code.source')}</dt>
      <dd>{code.sourceUrl ? <a href={code.sourceUrl} rel="noreferrer noopener" target="_blank">{code.sourceUrl}</a> : t('common:none')}</dd>
    </dl>
  );
}

/**
 * A code's principles and provisions with regime and tags. A principle whose provisions the
 * library does not list says so: the statement is made on the principle itself.
 */
export function CodeTreeView({ code }: { code: CodeTree }) {
  const { t, i18n } = useTranslation('governance');
  const language = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <>
      <CoverageNotice coverage={code.coverage} provisions={code.provisions} />
      {code.principlesTree.map((principle) => (
        <section key={principle.id} className="card principle" aria-labelledby={`principle-${principle.id}`}>
          <h2 id={`principle-${principle.id}`}>{t('tree.principle', { number: principle.number, title: principle.title[language] })}</h2>
          {principle.summary ? <p>{principle.summary[language]}</p> : null}
          {principle.provisions.length === 0 ? (
            <p className="muted">
              {t('tree.noProvisionsListed')} {principle.regime ? <RegimeLabel regime={principle.regime} /> : null}
            </p>
          ) : (
            <TableWrap>
              <table>
                <TableCaption>{t('tree.provisionsCaption', { count: principle.provisions.length })}</TableCaption>
                <thead>
                  <tr>
                    <th scope="col">{t('tree.number')}</th>
                    <th scope="col">{t('tree.provision')}</th>
                    <th scope="col">{t('tree.regime')}</th>
                    <th scope="col">{t('tree.tags')}</th>
                  </tr>
                </thead>
                <tbody>
                  {principle.provisions.map((provision) => (
                    <tr key={provision.id}>
                      <td>{provision.number}</td>
                      <td>
                        <strong>{provision.title[language]}</strong>
                        {provision.summary ? <div className="muted">{provision.summary[language]}</div> : null}
                        {provision.addressee ? <div className="muted">{t('tree.addressee', { who: t(`addressees.${provision.addressee}`) })}</div> : null}
                      </td>
                      <td><RegimeLabel regime={provision.regime} /></td>
                      <td>{provision.tags.map((tag) => t(`tags.${tag}`)).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </section>
      ))}
    </>
  );
}

/** A code version as both library pages show it: title and version, its facts, its principle tree. */
export function CodeDocument({ code }: { code: CodeTree }) {
  const { t, i18n } = useTranslation('governance');
  const language = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <>
      <div className="page-header">
        <h1>{code.title[language]} <span className="muted">{code.version}</span></h1>
      </div>
      <section className="card" aria-labelledby="code-facts">
        <h2 id="code-facts">{t('code.facts')}</h2>
        <CodeFacts code={code} />
      </section>
      <CodeTreeView code={code} />
    </>
  );
}
