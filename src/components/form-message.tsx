import type { ReactNode } from "react";

/** A form's one-line outcome: an error (`alert`, announced at once) or a confirmation (`status`). */
export function FormMessage({ text, tone }: { text: string | undefined; tone: "error" | "success" }): ReactNode {
  if (!text) return null;
  const style =
    tone === "error"
      ? "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200"
      : "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200";
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`rounded-lg px-3 py-2 text-sm font-medium ${style}`}>
      {text}
    </p>
  );
}
