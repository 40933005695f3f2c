// Why a pair scored as it did: a waterfall from the model's prior (the log2 odds that any pair
// matches, before a field is compared) through each field's weight up or down to the pair's
// score, with its probability: the same bars as the link's paper (report/waterfall_chart.h,
// GET /links/{id}/paper.pdf). The prior is read back from the link's probability and weight
// (probability = 1 / (1 + 2^-(prior + weight))); when the probability is 0 or 1 to the float's
// precision the chart starts at zero instead. Drawn as plain SVG: six to ten labelled bars need
// no chart library (uPlot, which the UI uses for series, draws axes over time, not steps).
import type { Link } from "../api/client";
import { formatNumber, hasTerm, t, termFor } from "../i18n/i18n";

// One entry of a link's explanation, as the API's OpenAPI document describes it.
export type FieldWeight = NonNullable<Link["explanation"]>[number];

interface Props {
  weights: FieldWeight[];
  probability?: number;
  matchWeight?: number;
}

const rowHeight = 22;
const labelWidth = 190;
const chartWidth = 300;

export function priorOf(probability?: number, matchWeight?: number): number | undefined {
  if (probability === undefined || matchWeight === undefined) return undefined;
  if (!(probability > 1e-6 && probability < 1 - 1e-6)) return undefined;
  return Math.log2(probability / (1 - probability)) - matchWeight;
}

interface Bar {
  key: string;
  label: string;
  from: number;
  to: number;
  kind: "prior" | "for" | "against" | "total";
  value: string;
}

export function WeightChart({ weights, probability, matchWeight }: Props) {
  const prior = priorOf(probability, matchWeight);
  let running = prior ?? 0;
  const bars: Bar[] = [];
  if (prior !== undefined) {
    bars.push({ key: "prior", label: t("review.prior"), from: 0, to: prior, kind: "prior", value: formatNumber(prior, 1) });
  }
  // "name_used" says which alias matched; it carries no weight.
  for (const w of weights.filter((w) => w.field !== "name_used")) {
    const from = running;
    running += w.weight ?? 0;
    bars.push({
      key: w.field ?? "",
      label: `${termFor("field", w.field)} · ${termFor("level", w.level)}`,
      from,
      to: running,
      kind: (w.weight ?? 0) >= 0 ? "for" : "against",
      value: `${(w.weight ?? 0) >= 0 ? "+" : ""}${formatNumber(w.weight ?? 0, 1)}`,
    });
  }
  const totalText =
    prior !== undefined && probability !== undefined
      ? t("review.final", { w: formatNumber(running, 1), p: formatNumber(probability, 3) })
      : t("review.total", { w: formatNumber(running, 1) });
  bars.push({ key: "total", label: totalText, from: 0, to: running, kind: "total", value: formatNumber(running, 1) });

  const extent = Math.max(1, ...bars.map((b) => Math.max(Math.abs(b.from), Math.abs(b.to))));
  const scale = (chartWidth / 2 - 10) / extent;
  const zero = labelWidth + chartWidth / 2;
  const height = rowHeight * bars.length + 4;
  return (
    <figure class="weights">
      <figcaption>{t("review.weights")}</figcaption>
      <svg
        width={labelWidth + chartWidth + 60}
        height={height}
        role="img"
        aria-label={bars.map((b) => `${b.label}: ${b.value}`).join("; ")}
      >
        <line x1={zero} x2={zero} y1={0} y2={height} class="axis" />
        {bars.map((b, i) => {
          const x = zero + Math.min(b.from, b.to) * scale;
          const width = Math.max(1, Math.abs(b.to - b.from) * scale);
          const y = i * rowHeight + 2;
          return (
            <g data-bar={b.key}>
              <text x={0} y={y + 15} class={b.kind === "for" || b.kind === "against" ? "label" : "total"}>
                {b.label}
              </text>
              <rect x={x} y={y + 3} width={width} height={rowHeight - 6} class={b.kind} />
              <text x={labelWidth + chartWidth + 4} y={y + 15} class="value">
                {b.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

// The server ends a name it read by another language's spelling habit with that habit, in
// English ("Kravchenko Vyacheslav (Turkish spelling)": WithHabitNote and the habits of
// names/latin_readings.h, which papers translate too): the reviewer reads it in the
// interface's language.
const spellingHabits: Record<string, string> = {
  French: "french",
  German: "german",
  Polish: "polish",
  "GOST 7.79 B": "gost",
  "Serbian/Croatian": "serbian_croatian",
  Belarusian: "belarusian",
  Turkish: "turkish",
  unaccented: "unaccented",
};

export function nameAsRead(text: string): string {
  const m = / \(([^()]+) spelling\)$/.exec(text);
  const habit = m ? spellingHabits[m[1]] : undefined;
  if (!m || !habit || !hasTerm("spelling", habit)) return text;
  return `${text.slice(0, m.index)} (${termFor("spelling", habit)})`;
}

// Which names the pair was compared under, when not both listed names as written: an alias or
// earlier spelling ("name_used", level "alias"), or the surname and given name read crossed
// because one list wrote each in the other's column (level "crossed"). Without this line a
// reviewer would see "surname: same" beside two different surnames.
export function NamesUsedNote({ weights }: { weights: FieldWeight[] }) {
  const used = weights.filter((w) => w.field === "name_used");
  if (used.length === 0) return null;
  return (
    <ul class="names-used">
      {used.map((w) =>
        w.level === "crossed" ? (
          <li data-names-used="crossed">{t("review.names_crossed")}</li>
        ) : (
          <li data-names-used="alias">
            {t("review.alias_used", {
              names: [w.left, w.right]
                .filter((n): n is string => !!n)
                .map(nameAsRead)
                .join(" · "),
            })}
          </li>
        ),
      )}
    </ul>
  );
}
