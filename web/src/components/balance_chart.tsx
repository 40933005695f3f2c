// A plan's balance per phase: how many each side hands over in each phase as pairs of bars,
// and, in the table under them, each pool's running balance after the phase (who is owed how
// many, against what the agreement lets a pool owe). With `before` (the plan this one counters
// or repairs, or the stored plan while it is being edited) a dashed mark on each bar shows the
// earlier number and the table says it in words. Plain SVG, not uPlot: a handful of bars over
// two to five phases needs no scale or canvas, and the numbers are all in the table, which is
// what a screen reader reads (the drawing is hidden from it).
import type { Schemas } from "../api/client";
import { formatNumber, t } from "../i18n/i18n";

type PlanPhase = Schemas["PlanPhase"];
type Side = "a" | "b";

interface Props {
  phases: PlanPhase[];
  before?: PlanPhase[];
  sides: Record<Side, string>;
  caption: string;
}

const groupWidth = 180;
const left = 24;
const base = 170;
const plotTop = 28;
const barWidth = 48;

function handsOver(p: PlanPhase | undefined, side: Side): number {
  return (side === "a" ? p?.a_hands_over : p?.b_hands_over) ?? 0;
}

export function BalanceChart({ phases, before, sides, caption }: Props) {
  const earlier = (i: number) => before?.find((b) => b.phase === phases[i]?.phase);
  const all = [...phases, ...(before ?? [])].flatMap((p) => [handsOver(p, "a"), handsOver(p, "b")]);
  const top = Math.max(1, ...all);
  const y = (n: number) => base - (n / top) * (base - plotTop);
  const width = left * 2 + phases.length * groupWidth;
  const pools = phases[0]?.balance_after?.map((b) => b.pool ?? "") ?? [];

  return (
    <figure class="balance-chart">
      <figcaption>{caption}</figcaption>
      <svg viewBox={`0 0 ${width} ${base + 30}`} aria-hidden="true">
        <line class="axis" x1={left} x2={width - left} y1={base} y2={base} />
        {phases.map((p, i) => {
          const centre = left + i * groupWidth + groupWidth / 2;
          return (
            <g>
              {(["a", "b"] as const).map((side) => {
                const n = handsOver(p, side);
                const x = side === "a" ? centre - barWidth - 4 : centre + 4;
                const was = earlier(i);
                // The number stands above the bar and above the earlier number's mark.
                const label = Math.min(y(n), was ? y(handsOver(was, side)) : y(n)) - 8;
                return (
                  <g>
                    <rect class={`side-${side}`} x={x} y={y(n)} width={barWidth} height={base - y(n)} />
                    <text class="value" x={x + barWidth / 2} y={label}>
                      {formatNumber(n)}
                    </text>
                    {was && handsOver(was, side) !== n && (
                      <line class="before" x1={x - 4} x2={x + barWidth + 4} y1={y(handsOver(was, side))} y2={y(handsOver(was, side))} />
                    )}
                  </g>
                );
              })}
              <text class="phase" x={centre} y={base + 22}>
                {t("plans.phaseN", { n: p.phase ?? i + 1 })}
              </text>
            </g>
          );
        })}
      </svg>
      <ul class="legend" aria-hidden="true">
        <li>
          <span class="swatch side-a" /> {t("plans.handsOver", { side: sides.a })}
        </li>
        <li>
          <span class="swatch side-b" /> {t("plans.handsOver", { side: sides.b })}
        </li>
        {before && (
          <li>
            <span class="swatch before" /> {t("plans.chart.before")}
          </li>
        )}
      </ul>
      <table class="balance">
        <thead>
          <tr>
            <th scope="col">{t("plans.col.phase")}</th>
            <th scope="col" class="number">
              {t("plans.handsOver", { side: sides.a })}
            </th>
            <th scope="col" class="number">
              {t("plans.handsOver", { side: sides.b })}
            </th>
            {pools.map((pool) => (
              <th scope="col">{t("plans.poolAfter", { pool })}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {phases.map((p, i) => {
            const was = earlier(i);
            return (
              <tr>
                <th scope="row">
                  {t("plans.phaseN", { n: p.phase ?? i + 1 })}
                  {p.carried_out && <span class="detail"> · {t("plans.carriedOut")}</span>}
                </th>
                {(["a", "b"] as const).map((side) => (
                  <td class="number">
                    {formatNumber(handsOver(p, side))}
                    {was && handsOver(was, side) !== handsOver(p, side) && (
                      <span class="was"> {t("plans.was", { n: formatNumber(handsOver(was, side)) })}</span>
                    )}
                  </td>
                ))}
                {(p.balance_after ?? []).map((b) => {
                  const owed = b.owed ?? 0;
                  const over = b.max_owed !== undefined && Math.abs(owed) > b.max_owed;
                  return (
                    <td class={over ? "over" : undefined}>
                      {t("plans.poolCounts", {
                        a: sides.a,
                        na: formatNumber(b.a ?? 0),
                        b: sides.b,
                        nb: formatNumber(b.b ?? 0),
                      })}
                      {": "}
                      {owed === 0
                        ? t("plans.even")
                        : t("plans.owed", { side: owed > 0 ? sides.a : sides.b, n: formatNumber(Math.abs(owed)) })}
                      {b.max_owed !== undefined && owed !== 0 && (
                        <span class="detail"> ({t("plans.atMost", { n: formatNumber(b.max_owed) })})</span>
                      )}
                      {over && <strong> · {t("plans.overLimit")}</strong>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
