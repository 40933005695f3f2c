import { formatNumber, t } from "../i18n/i18n";

interface Props {
  offset: number;
  size: number;
  total: number;
  to: (offset: number) => string;
}

export function Pager({ offset, size, total, to }: Props) {
  if (total <= size) return null;
  const last = Math.min(offset + size, total);
  return (
    <nav class="pager" aria-label="pages">
      {offset > 0 && <a href={to(Math.max(0, offset - size))}>{t("common.previous")}</a>}
      <span>
        {t("common.page", {
          from: formatNumber(offset + 1),
          to: formatNumber(last),
          total: formatNumber(total),
        })}
      </span>
      {last < total && <a href={to(offset + size)}>{t("common.next")}</a>}
    </nav>
  );
}
