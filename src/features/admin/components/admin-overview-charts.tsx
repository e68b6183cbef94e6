'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/*
 * The admin overview's charts (recharts, decision 0066). Only the admin overview page imports this file, so recharts
 * is in that page's scripts and no customer page's (tests/e2e/admin-billing.spec.ts checks the built pages). Each
 * chart is a picture of a table the page renders beside it for assistive technology: the chart itself is hidden
 * from it (aria-hidden, no keyboard layer), and the table carries the same numbers.
 */

/** Axis and grid follow the text colour (currentColor), so they read in light and dark themes alike. */
const axisProps = {
  tick: { fill: 'currentColor', fontSize: 12 },
  stroke: 'currentColor',
  tickLine: false,
} as const;

const tooltipStyle = {
  contentStyle: {
    background: 'var(--popover)',
    color: 'var(--popover-foreground)',
    border: '1px solid var(--border)',
    borderRadius: 8,
  },
  cursor: { fill: 'currentColor', fillOpacity: 0.08 },
} as const;

/** Sign-ups per day: one bar a day. */
export function SignUpsChart({ data, seriesLabel }: { data: { day: string; count: number }[]; seriesLabel: string }) {
  return (
    <div
      aria-hidden="true"
      className="h-56 w-full text-muted-foreground [&_.recharts-bar-rectangle_path]:fill-primary"
      data-testid="sign-ups-chart"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} strokeOpacity={0.2} stroke="currentColor" />
          <XAxis dataKey="day" {...axisProps} tickFormatter={(day: string) => day.slice(5)} minTickGap={16} />
          <YAxis allowDecimals={false} {...axisProps} width={48} />
          <Tooltip {...tooltipStyle} />
          <Bar dataKey="count" name={seriesLabel} fill="currentColor" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/**
 * One colour per subscription status, of a middle lightness that stands out on both the light and the dark
 * background.
 */
const STATUS_COLOURS: Record<string, string> = {
  active: '#16a34a',
  trialing: '#3b82f6',
  past_due: '#f59e0b',
  unpaid: '#ef4444',
  incomplete: '#d946ef',
  paused: '#14b8a6',
  canceled: '#94a3b8',
};

/** Subscriptions per plan, stacked by status. `data`: one row per plan, a count per status (by status name). */
export function SubscriptionsChart({
  data,
  statuses,
}: {
  data: ({ plan: string } & Record<string, number | string>)[];
  /** The statuses present, each with its translated name. */
  statuses: { status: string; label: string }[];
}) {
  return (
    <div aria-hidden="true" className="h-56 w-full text-muted-foreground" data-testid="subscriptions-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} strokeOpacity={0.2} stroke="currentColor" />
          <XAxis dataKey="plan" {...axisProps} />
          <YAxis allowDecimals={false} {...axisProps} width={48} />
          <Tooltip {...tooltipStyle} />
          {statuses.map(({ status, label }) => (
            <Bar
              key={status}
              dataKey={status}
              name={label}
              stackId="status"
              fill={STATUS_COLOURS[status] ?? '#64748b'}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
