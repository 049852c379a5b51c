import type { TargetResult } from "./targets";

const WIDTH = 640;
const ROW = 28;
const LABEL = 260;
const esc = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * One bar per target: the measured figure as a share of its limit (1.0 = exactly on target), green when met.
 * Scaled so that 2x the limit fills the bar; "<=" targets are drawn as limit / measured, so longer is better
 * for every bar.
 */
export function chart(targets: readonly TargetResult[], title: string): string {
  const height = 40 + targets.length * ROW + 20;
  const scale = (WIDTH - LABEL - 60) / 2;
  const rows = targets.map((t, i) => {
    const y = 40 + i * ROW;
    const value = t.value ?? 0;
    const score = t.comparison === ">=" ? value / t.limit : value > 0 ? t.limit / value : t.value === 0 ? 2 : 0;
    const bar = Math.max(1, Math.min(2, score) * scale);
    const fill = t.met ? "#2f855a" : "#c53030";
    const shown = t.value === null ? "n/a" : t.value.toFixed(2);
    return [
      `<text x="${LABEL - 8}" y="${y + 14}" text-anchor="end">${esc(t.label)}</text>`,
      `<rect x="${LABEL}" y="${y}" width="${bar.toFixed(1)}" height="18" fill="${fill}"/>`,
      `<text x="${(LABEL + bar + 6).toFixed(1)}" y="${y + 14}">${esc(`${shown} (${t.comparison} ${t.limit})`)}</text>`,
    ].join("");
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="22" font-size="14" font-weight="bold">${esc(title)}</text>`,
    `<line x1="${LABEL + scale}" y1="32" x2="${LABEL + scale}" y2="${height - 12}" stroke="#555" stroke-dasharray="4 3"/>`,
    ...rows,
    "</svg>",
    "",
  ].join("\n");
}
