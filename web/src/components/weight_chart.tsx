// Why a pair scored as it did: each field's weight as a step of a waterfall, from zero to the
// pair's total. Drawn as plain SVG: six to ten labelled bars need no chart library (uPlot,
// which the UI uses for series, draws axes over time, not steps).
import { formatNumber, t, termFor } from "../i18n/i18n";

export interface FieldWeight {
  field?: string;
  level?: string;
  weight?: number;
}

const rowHeight = 22;
const labelWidth = 150;
const chartWidth = 300;

export function WeightChart({ weights }: { weights: FieldWeight[] }) {
  let running = 0;
  const steps = weights.map((w) => {
    const start = running;
    running += w.weight ?? 0;
    return { ...w, start, end: running };
  });
  const extent = Math.max(1, ...steps.map((s) => Math.max(Math.abs(s.start), Math.abs(s.end))));
  const scale = (chartWidth / 2 - 10) / extent;
  const zero = labelWidth + chartWidth / 2;
  const height = rowHeight * (steps.length + 1) + 4;
  return (
    <figure class="weights">
      <figcaption>{t("review.weights")}</figcaption>
      <svg
        width={labelWidth + chartWidth + 60}
        height={height}
        role="img"
        aria-label={steps
          .map((s) => `${label(s.field)}: ${formatNumber(s.weight ?? 0, 1)}`)
          .join("; ")}
      >
        <line x1={zero} x2={zero} y1={0} y2={height} class="axis" />
        {steps.map((s, i) => {
          const x = zero + Math.min(s.start, s.end) * scale;
          const width = Math.max(1, Math.abs(s.end - s.start) * scale);
          const y = i * rowHeight + 2;
          return (
            <g>
              <text x={0} y={y + 15} class="label">
                {label(s.field)} · {termFor("level", s.level)}
              </text>
              <rect
                x={x}
                y={y + 3}
                width={width}
                height={rowHeight - 6}
                class={(s.weight ?? 0) >= 0 ? "for" : "against"}
              />
              <text x={labelWidth + chartWidth + 4} y={y + 15} class="value">
                {formatNumber(s.weight ?? 0, 1)}
              </text>
            </g>
          );
        })}
        <text x={0} y={steps.length * rowHeight + 17} class="total">
          {t("review.total", { w: formatNumber(running, 1) })}
        </text>
      </svg>
    </figure>
  );
}

function label(field: string | undefined): string {
  return termFor("field", field);
}
