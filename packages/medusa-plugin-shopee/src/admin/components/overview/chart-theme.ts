/**
 * Chart colours are @medusajs/ui's CSS variables, which the admin redefines under its dark
 * theme: the same SVG is right in both themes without reading which one is on.
 */
export const CHART_COLORS = {
  blue: "var(--tag-blue-icon)",
  purple: "var(--tag-purple-icon)",
  green: "var(--tag-green-icon)",
  orange: "var(--tag-orange-icon)",
  red: "var(--tag-red-icon)",
  neutral: "var(--tag-neutral-icon)",
} as const

export const AXIS_PROPS = {
  stroke: "var(--border-base)",
  tick: { fill: "var(--fg-subtle)", fontSize: 11 },
  tickLine: false,
} as const

export const GRID_STROKE = "var(--border-base)"

export const TOOLTIP_PROPS = {
  contentStyle: {
    background: "var(--bg-base)",
    border: "1px solid var(--border-base)",
    borderRadius: 8,
    color: "var(--fg-base)",
    fontSize: 12,
  },
  labelStyle: { color: "var(--fg-subtle)" },
  cursor: { fill: "var(--bg-subtle-hover)" },
} as const

export const LEGEND_STYLE = { fontSize: 12, color: "var(--fg-subtle)" } as const
