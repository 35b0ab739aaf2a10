import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import type { CodeSummary } from '../views';

/**
 * The code library as a table, for the administrators who import codes (key, issuer, principle
 * count) and for the members of an institution who read and adopt them (sectors, adopted or not).
 */
export function CodeLibraryTable({
  codes, codeHref, adopted,
}: { codes: readonly CodeSummary[]; codeHref: (id: number) => string; adopted?: readonly number[] }) {
  const { t, i18n } = useTranslation('governance');
  const language = i18n.language === 'en' ? 'en' : 'nl';
  // The administrators' view; members see which codes their institution adopted instead.
  const admin = adopted === undefined;
  if (codes.length === 0) return <p className="empty">{t('library.none')}</p>;
  return (
    <TableWrap>
      <table>
        <TableCaption>{t('library.caption', { count: codes.length })}</TableCaption>
        <thead>
          <tr>
            <th scope="col">{t('library.code')}</th>
            <th scope="col">{t('code.version')}</th>
            {admin ? <th scope="col">{t('code.issuer')}</th> : <th scope="col">{t('code.sectors')}</th>}
            {admin ? <th scope="col" className="number">{t('library.principles')}</th> : null}
            <th scope="col" className="number">{t('library.provisions')}</th>
            <th scope="col">{t('code.coverage')}</th>
            {admin ? null : <th scope="col">{t('library.adopted')}</th>}
          </tr>
        </thead>
        <tbody>
          {codes.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={codeHref(c.id)}>{c.title[language]}</Link>
                {admin ? <> <span className="muted">{c.key}</span></> : null}
              </td>
              <td>{c.version}</td>
              <td>{admin ? c.issuer : c.sectors.map((s) => t(`common:sectors.${s}`)).join(', ')}</td>
              {admin ? <td className="number">{c.principles}</td> : null}
              <td className="number">{c.provisions}</td>
              <td>{c.coverage === 'partial' ? <span className="badge badge-warn">{t('coverage.partial')}</span> : <span className="badge badge-ok">{t('coverage.complete')}</span>}</td>
              {admin ? null : <td>{adopted.includes(c.id) ? t('common:yes') : t('common:no')}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
