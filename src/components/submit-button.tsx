"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { primaryButton } from "./styles";

/** A submit button that shows the form is on its way and cannot be pressed twice. */
export function SubmitButton({ children, pendingText }: { children: ReactNode; pendingText: string }): ReactNode {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className={`w-full py-2.5 ${primaryButton}`}>
      {pending ? pendingText : children}
    </button>
  );
}
