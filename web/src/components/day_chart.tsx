// The handover day as it goes: how many of the people promised for one phase and direction
// had left the holding side, and how many had been received, at each moment (a step up at
// each person's first handover event, by the time the team gave), against the promised
// number. A series over time, which is what uPlot draws (on a canvas, small and fast enough
// to redraw at every tap). The canvas is hidden from screen readers: the counts beside it
// say the same in words.
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import { language, t } from "../i18n/i18n";

export interface DayPoint {
  at: number;  // seconds since the epoch
  handedOver: number;
  received: number;
}

const colours = { promised: "#57606a", handedOver: "#0b5cad", received: "#1a7f37" };
const height = 220;

export function DayChart({ points, promised }: { points: DayPoint[]; promised: number }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data: uPlot.AlignedData = [
    points.map((p) => p.at),
    points.map(() => promised),
    points.map((p) => p.handedOver),
    points.map((p) => p.received),
  ];

  useEffect(() => {
    const target = box.current!;
    const minutes = new Intl.DateTimeFormat(language(), { hour: "2-digit", minute: "2-digit" });
    const seconds = new Intl.DateTimeFormat(language(), { timeStyle: "medium" });
    // Ticks closer than a minute apart (the first minutes of a phase) show the seconds.
    const clock = (splits: number[]) => {
      const format = splits.length > 1 && splits[1]! - splits[0]! < 60 ? seconds : minutes;
      return splits.map((s) => format.format(new Date(s * 1000)));
    };
    const stepped = uPlot.paths.stepped!({ align: 1 });
    const options: uPlot.Options = {
      width: Math.max(280, target.clientWidth),
      height,
      legend: { show: false },
      cursor: { show: false },
      scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max, promised) * 1.05] } },
      axes: [
        { space: 100, values: (_u, splits) => clock(splits) },
        { values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? String(s) : "")) },
      ],
      series: [
        {},
        { label: t("handover.promised"), stroke: colours.promised, dash: [6, 4], width: 2, points: { show: false } },
        { label: t("handover.handedOver"), stroke: colours.handedOver, width: 3, paths: stepped, points: { show: false } },
        { label: t("handover.received"), stroke: colours.received, width: 3, paths: stepped, points: { show: false } },
      ],
    };
    plot.current = new uPlot(options, data, target);
    const resize = new ResizeObserver(() => {
      plot.current?.setSize({ width: Math.max(280, target.clientWidth), height });
    });
    resize.observe(target);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [promised]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [points]);

  return (
    <figure class="day-chart">
      <figcaption>{t("handover.chartTitle")}</figcaption>
      <div ref={box} class="chart" aria-hidden="true" />
      <ul class="legend" aria-hidden="true">
        <li>
          <span class="swatch promised" /> {t("handover.promised")}
        </li>
        <li>
          <span class="swatch handed-over" /> {t("handover.handedOver")}
        </li>
        <li>
          <span class="swatch received" /> {t("handover.received")}
        </li>
      </ul>
    </figure>
  );
}

// The chart's steps from the people's handover events: each person counts as handed over
// from his first event (handed_over or received) and as received from his first `received`;
// the last point is now, so the lines reach the present.
export function dayPoints(events: { at?: string; event?: string }[][], now = Date.now()): DayPoint[] {
  const left: number[] = [];
  const arrived: number[] = [];
  for (const personEvents of events) {
    const times = personEvents.map((e) => ({ at: Date.parse(e.at ?? "") / 1000, event: e.event }))
      .filter((e) => Number.isFinite(e.at));
    if (times.length === 0) continue;
    left.push(Math.min(...times.map((e) => e.at)));
    const got = times.filter((e) => e.event === "received").map((e) => e.at);
    if (got.length > 0) arrived.push(Math.min(...got));
  }
  if (left.length === 0) return [];
  const moments = [...new Set([...left, ...arrived])].sort((a, b) => a - b);
  const first = moments[0]!;
  const end = Math.max(now / 1000, moments[moments.length - 1]! + 60);
  const count = (xs: number[], at: number) => xs.filter((x) => x <= at).length;
  return [
    { at: first - 60, handedOver: 0, received: 0 },
    ...moments.map((at) => ({ at, handedOver: count(left, at), received: count(arrived, at) })),
    { at: end, handedOver: left.length, received: arrived.length },
  ];
}
