// A plan's handover progress on its page: one stacked bar per phase and direction (received,
// handed over and on the way, excluded, still to hand over: progress_bar.tsx), from
// GET /plans/{plan}/progress, the same numbers the plan summary paper prints as its chart.
// Each bar's legend carries its numbers in words, which is what a screen reader reads.
import type { operations } from "../api/schema";
import { formatNumber, t } from "../i18n/i18n";
import { ProgressBar } from "./progress_bar";

type Progress = operations["getPlanProgress"]["responses"][200]["content"]["application/json"];

export function PlanProgressChart({ progress }: { progress: Progress }) {
  const sides = { a: progress.sides?.a ?? "a", b: progress.sides?.b ?? "b" };
  return (
    <div class="plan-progress">
      {(progress.rows ?? []).map((r) => {
        const from = r.direction === "b_to_a" ? sides.b : sides.a;
        const to = r.direction === "b_to_a" ? sides.a : sides.b;
        return (
          <div class="progress-row" data-phase={r.phase} data-direction={r.direction}>
            <h3>
              {t("plans.progress.row", { n: r.phase ?? 0, from, to })}{" "}
              <span class="detail">{t("plans.progress.promised", { n: formatNumber(r.promised ?? 0) })}</span>
            </h3>
            <ProgressBar
              counts={{
                promised: r.promised ?? 0,
                handedOver: r.handed_over ?? 0,
                received: r.received ?? 0,
                excluded: r.excluded ?? 0,
              }}
            />
          </div>
        );
      })}
    </div>
  );
}
