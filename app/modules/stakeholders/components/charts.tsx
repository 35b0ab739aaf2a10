import { Link } from '@remix-run/react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar, BarChart, CartesianGrid, Label, ReferenceArea, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis,
} from 'recharts';
import { HIGH_FROM, SCALE_MAX, SCALE_MIN, spreadPoints } from '../rules';
import { TableCaption, TableWrap } from '~/components/table-wrap';

// recharts draws in the browser (DESIGN.md): the server sends the table, the chart joins it after hydration.
function useMounted() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

const ACCENT = '#1f4e79';
const MUTED = '#4f5b6b';

/** A bar chart of counts with the same numbers in a table beside it. */
export function DistributionChart({
  id, title, rows, label,
}: {
  id: string;
  title: string;
  rows: { key: string; count: number }[];
  /** The readable name of a key. */
  label: (key: string) => string;
}) {
  const { t } = useTranslation('stakeholders');
  const mounted = useMounted();
  const data = rows.map((r) => ({ name: label(r.key), count: r.count }));
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const height = Math.max(120, data.length * 28 + 40);
  return (
    <section className="card distribution" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="chart-with-table">
        {/* Hidden from assistive technology (the table says the same), so the chart must not take focus either. */}
        <figure className="chart-figure" aria-hidden="true">
          {mounted ? (
            <BarChart width={340} height={height} data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} stroke={MUTED} />
              <YAxis type="category" dataKey="name" width={150} stroke={MUTED} tick={{ fontSize: 12 }} />
              <Bar dataKey="count" fill={ACCENT} isAnimationActive={false} />
            </BarChart>
          ) : <div style={{ width: 340, height }} />}
        </figure>
        <table className="compact">
          <caption>{t('charts.caption', { total })}</caption>
          <thead>
            <tr><th scope="col">{title}</th><th scope="col" className="number">{t('charts.count')}</th></tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.name}><td>{row.name}</td><td className="number">{row.count}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export type MapPoint = { id: number; name: string; power: number; interest: number; quadrant: string };

/**
 * Power (vertical) × interest (horizontal), 1–5. "High" is 3 or more, so the quadrant lines run
 * between 2 and 3 — at 2.5 — and every score falls clearly inside one quadrant. Each point is a
 * link to its stakeholder; stakeholders with equal scores are spread around their spot.
 */
export function SalienceMap({ institutionId, points, caption }: { institutionId: number; points: MapPoint[]; caption: ReactNode }) {
  const { t } = useTranslation('stakeholders');
  const mounted = useMounted();
  const spread = spreadPoints(points);
  const boundary = HIGH_FROM - 0.5;
  const domain: [number, number] = [SCALE_MIN - 0.5, SCALE_MAX + 0.5];
  const ticks = [1, 2, 3, 4, 5];
  return (
    <figure className="chart-figure salience-map">
      {mounted ? (
        <ScatterChart width={560} height={460} margin={{ top: 16, right: 24, bottom: 36, left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <ReferenceArea x1={boundary} x2={domain[1]} y1={boundary} y2={domain[1]} fill="#fbe7e7" fillOpacity={0.5} />
          <XAxis type="number" dataKey="x" domain={domain} ticks={ticks} allowDecimals={false} allowDataOverflow stroke={MUTED}>
            <Label value={t('map.interestAxis')} position="bottom" offset={12} />
          </XAxis>
          <YAxis type="number" dataKey="y" domain={domain} ticks={ticks} allowDecimals={false} allowDataOverflow stroke={MUTED}>
            <Label value={t('map.powerAxis')} angle={-90} position="left" offset={4} />
          </YAxis>
          <ReferenceLine x={boundary} stroke={ACCENT} strokeWidth={2} />
          <ReferenceLine y={boundary} stroke={ACCENT} strokeWidth={2} />
          <ReferenceArea x1={domain[0]} x2={boundary} y1={boundary} y2={domain[1]} fillOpacity={0} label={{ value: t('quadrants.keep-satisfied'), position: 'insideTopLeft', fill: MUTED, fontSize: 12 }} />
          <ReferenceArea x1={boundary} x2={domain[1]} y1={boundary} y2={domain[1]} fillOpacity={0} label={{ value: t('quadrants.manage-closely'), position: 'insideTopRight', fill: MUTED, fontSize: 12 }} />
          <ReferenceArea x1={domain[0]} x2={boundary} y1={domain[0]} y2={boundary} fillOpacity={0} label={{ value: t('quadrants.monitor'), position: 'insideBottomLeft', fill: MUTED, fontSize: 12 }} />
          <ReferenceArea x1={boundary} x2={domain[1]} y1={domain[0]} y2={boundary} fillOpacity={0} label={{ value: t('quadrants.keep-informed'), position: 'insideBottomRight', fill: MUTED, fontSize: 12 }} />
          <Tooltip
            cursor={false}
            content={({ active, payload }) => {
              const point = active ? (payload?.[0]?.payload as (typeof spread)[number] | undefined) : undefined;
              return point ? (
                <div className="map-tooltip">
                  <strong>{point.name}</strong>
                  <div>{t('map.scores', { power: point.power, interest: point.interest })}</div>
                </div>
              ) : null;
            }}
          />
          <Scatter
            data={spread}
            isAnimationActive={false}
            shape={(props: { cx?: number; cy?: number; payload?: (typeof spread)[number] }) => {
              const { cx, cy, payload } = props;
              if (cx === undefined || cy === undefined || !payload) return <g />;
              return (
                <a href={`/i/${institutionId}/stakeholders/${payload.id}`} aria-label={t('map.pointLabel', { name: payload.name, power: payload.power, interest: payload.interest })}>
                  <circle cx={cx} cy={cy} r={8} fill={ACCENT} stroke="#fff" strokeWidth={2} />
                </a>
              );
            }}
          />
        </ScatterChart>
      ) : <div style={{ width: 560, height: 460 }} />}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/** The same map data as a table: what the chart shows, readable without it. */
export function MapTable({ institutionId, points }: { institutionId: number; points: (MapPoint & { category: string; mitchellClass: string | null })[] }) {
  const { t } = useTranslation('stakeholders');
  return (
    <TableWrap>
      <table>
        <TableCaption>{t('map.tableCaption', { count: points.length })}</TableCaption>
        <thead>
          <tr>
            <th scope="col">{t('fields.name')}</th>
            <th scope="col" className="number">{t('fields.power')}</th>
            <th scope="col" className="number">{t('fields.interest')}</th>
            <th scope="col">{t('fields.quadrant')}</th>
            <th scope="col">{t('fields.category')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.id}>
              <td><Link to={`/i/${institutionId}/stakeholders/${p.id}`}>{p.name}</Link></td>
              <td className="number">{p.power}</td>
              <td className="number">{p.interest}</td>
              <td>{t(`quadrants.${p.quadrant}`)}</td>
              <td>{t(`categories.${p.category}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
