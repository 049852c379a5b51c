import type { ReactNode } from "react";
import { link } from "@/components/styles";

/** Recovery codes, shown once, with a download of the same list as a text file. */
export function RecoveryCodesList({ codes }: { codes: string[] }): ReactNode {
  const file = `data:text/plain;charset=utf-8,${encodeURIComponent(`${codes.join("\n")}\n`)}`;
  return (
    <div
      className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
      role="status"
    >
      <p className="text-sm font-medium">
        Your recovery codes. Each works once, if you lose your phone. Keep them somewhere safe: they are not shown
        again.
      </p>
      <ol className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <a href={file} download="recovery-codes.txt" className={`mt-3 inline-block text-sm ${link}`}>
        Download them
      </a>
    </div>
  );
}
