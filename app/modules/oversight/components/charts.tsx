import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useMounted } from '~/components/use-mounted';

// Fixed sizes: the chart is drawn in the browser only, and a placeholder of the same size holds
// its place before, so nothing moves when it appears. The numbers are always in the table beside it,
// so the chart is hidden from assistive technology and kept out of the tab order (no accessibility layer).
const ACCENT = '#1f4e79';
const MUTED = '#4f5b6b';
const DANGER = '#a32020';

export const SHARE_CHART_WIDTH = 420;
const BAR_HEIGHT = 26;

/** Compliance share per institution, 0–100 %, one horizontal bar each. */
export function ShareBars({ rows }: { rows: { name: string; percent: number }[] }) {
  const mounted = useMounted();
  const height = Math.max(120, rows.length * BAR_HEIGHT + 48);
  return (
    <figure className="chart-figure" aria-hidden="true">
      {mounted ? (
        <BarChart accessibilityLayer={false} width={SHARE_CHART_WIDTH} height={height} data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" stroke={MUTED} />
          <YAxis type="category" dataKey="name" width={160} stroke={MUTED} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(value) => `${value}%`} />
          <Bar dataKey="percent" fill={ACCENT} isAnimationActive={false} />
        </BarChart>
      ) : <div style={{ width: SHARE_CHART_WIDTH, height }} />}
    </figure>
  );
}

const TREND_WIDTH = 560;
const TREND_HEIGHT = 240;

/** Overdue moments per month, oldest first. */
export function OverdueTrendChart({ points }: { points: { label: string; overdue: number }[] }) {
  const mounted = useMounted();
  return (
    <figure className="chart-figure" aria-hidden="true">
      {mounted ? (
        <LineChart accessibilityLayer={false} width={TREND_WIDTH} height={TREND_HEIGHT} data={points} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" stroke={MUTED} tick={{ fontSize: 12 }} interval={0} angle={-30} textAnchor="end" height={48} />
          <YAxis allowDecimals={false} stroke={MUTED} />
          <Tooltip />
          <Line type="monotone" dataKey="overdue" stroke={DANGER} strokeWidth={2} dot isAnimationActive={false} />
        </LineChart>
      ) : <div style={{ width: TREND_WIDTH, height: TREND_HEIGHT }} />}
    </figure>
  );
}
