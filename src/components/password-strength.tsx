"use client";

import { type ReactNode, useEffect, useState } from "react";
import type { PasswordVerdict } from "@/lib/auth/password-strength";

const LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;

/**
 * Live feedback as the user types: the same policy, lists and tuning the server applies in its workers
 * (`judgePassword`), run here in the page. The dictionaries are loaded only once someone starts typing a
 * new password.
 */
interface Props {
  password: string;
  email: string;
  name: string;
  appName: string;
}

export function PasswordStrength({ password, email, name, appName }: Props): ReactNode {
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);

  useEffect(() => {
    if (password.length === 0) {
      setVerdict(null);
      return;
    }
    let current = true;
    const timer = setTimeout(async () => {
      const { checkPasswordStrength } = await import("@/lib/auth/password-strength");
      if (current) setVerdict(checkPasswordStrength(password, { email, name, appName }));
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, email, name, appName]);

  if (!verdict) return <p>At least 15 characters. A few unrelated words make a strong, memorable password.</p>;
  return (
    <div aria-live="polite" data-testid="password-strength">
      <div className="mb-1 flex gap-1" aria-hidden="true">
        {LABELS.map((label, index) => (
          <span
            key={label}
            className={`h-1.5 flex-1 rounded ${index <= verdict.score ? (verdict.ok ? "bg-emerald-600" : "bg-amber-500") : "bg-slate-200 dark:bg-slate-700"}`}
          />
        ))}
      </div>
      {verdict.ok ? (
        <p className="text-emerald-700 dark:text-emerald-400">{LABELS[verdict.score]}: good to go.</p>
      ) : (
        <>
          <p className="font-medium text-amber-800 dark:text-amber-300">{verdict.reason}</p>
          {verdict.suggestions.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {verdict.suggestions.map((suggestion) => (
                <li key={suggestion}>{suggestion}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </div>
  );
}
