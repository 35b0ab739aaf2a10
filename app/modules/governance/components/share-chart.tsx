import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { sharePercent } from '../rules';
import type { CodeShare } from '../views';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { ShareValue } from './labels';

// recharts draws in the browser: the server sends the table, the chart joins it after hydration.
function useMounted() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

/** The share complied per principle of one code: bars, and the same numbers in a table beside them. */
export function PrincipleShareChart({ code }: { code: CodeShare }) {
  const { t, i18n } = useTranslation('compliance');
  const mounted = useMounted();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const data = code.principles.map((p) => ({ name: p.principle.number, share: sharePercent(p.share) ?? 0 }));
  const height = Math.max(120, data.length * 28 + 40);
  return (
    <div className="chart-with-table">
      {/* Hidden from assistive technology (the table says the same), so the chart must not take focus either. */}
      <figure className="chart-figure no-print" aria-hidden="true">
        {mounted ? (
          <BarChart width={320} height={height} data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 100]} unit="%" stroke="#4f5b6b" />
            <YAxis type="category" dataKey="name" width={40} stroke="#4f5b6b" tick={{ fontSize: 12 }} />
            <Bar dataKey="share" fill="#1f4e79" isAnimationActive={false} />
          </BarChart>
        ) : <div style={{ width: 320, height }} />}
      </figure>
      {/* Beside the chart the table may scroll sideways (long Dutch headings): a keyboard must reach it. */}
      <TableWrap>
        <table className="compact">
          <TableCaption>{t('overview.sharesCaption', { code: code.code.title[language] })}</TableCaption>
          <thead>
            <tr>
              <th scope="col">{t('overview.principle')}</th>
              <th scope="col" className="number">{t('status.complies')}</th>
              <th scope="col" className="number">{t('status.partially')}</th>
              <th scope="col" className="number">{t('status.explains')}</th>
              <th scope="col" className="number">{t('status.not-applicable')}</th>
              <th scope="col" className="number">{t('status.not-assessed')}</th>
              <th scope="col" className="number">{t('overview.share')}</th>
            </tr>
          </thead>
          <tbody>
            {code.principles.map((p) => (
              <tr key={p.principle.id}>
                <th scope="row">{p.principle.number} {p.principle.title[language]}</th>
                <td className="number">{p.counts.complies}</td>
                <td className="number">{p.counts.partially}</td>
                <td className="number">{p.counts.explains}</td>
                <td className="number">{p.counts['not-applicable']}</td>
                <td className="number">{p.counts['not-assessed']}</td>
                <td className="number"><ShareValue share={p.share} /></td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('overview.codeTotal')}</th>
              <td className="number">{code.counts.complies}</td>
              <td className="number">{code.counts.partially}</td>
              <td className="number">{code.counts.explains}</td>
              <td className="number">{code.counts['not-applicable']}</td>
              <td className="number">{code.counts['not-assessed']}</td>
              <td className="number"><ShareValue share={code.share} /></td>
            </tr>
          </tfoot>
        </table>
      </TableWrap>
    </div>
  );
}
