// Promised versus delivered for one phase and direction as one stacked bar: received, handed
// over and on the way, excluded (will not cross), still to hand over; the four add up to the
// people promised. Plain SVG, not uPlot: uPlot draws series along an x axis (the day's chart
// beside it is one), and a single bar of four parts would need a scale, axes and a canvas
// for what four rectangles say. The legend under the bar carries the numbers in words.
import { formatNumber, t } from "../i18n/i18n";

export interface Delivered {
  promised: number;
  handedOver: number;  // handed over, received or not
  received: number;
  excluded: number;
}

export function ProgressBar({ counts }: { counts: Delivered }) {
  const { promised, handedOver, received, excluded } = counts;
  const parts = [
    { key: "received", value: received, label: t("handover.bar.received") },
    { key: "on-the-way", value: Math.max(0, handedOver - received), label: t("handover.bar.onTheWay") },
    { key: "excluded", value: excluded, label: t("handover.bar.excluded") },
    {
      key: "to-come",
      value: Math.max(0, promised - handedOver - excluded),
      label: t("handover.bar.toCome"),
    },
  ];
  const total = Math.max(1, promised);
  let x = 0;
  return (
    <figure class="progress-bar">
      <svg viewBox="0 0 1000 40" preserveAspectRatio="none" aria-hidden="true">
        {parts.map((p) => {
          const width = (p.value / total) * 1000;
          const rect = <rect x={x} y={0} width={width} height={40} class={p.key} />;
          x += width;
          return rect;
        })}
      </svg>
      <figcaption>
        <ul class="legend">
          {parts.map((p) => (
            <li>
              <span class={`swatch ${p.key}`} aria-hidden="true" /> {p.label}: {formatNumber(p.value)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
