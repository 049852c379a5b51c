"use client";

import { useState } from "react";
import type { FieldErrors } from "@/lib/http/api-response";

export interface ShownFieldErrors {
  /** The field's error from the last form result, unless the field was changed since. */
  of: (name: string) => string | undefined;
  /** The field changed: its error no longer describes what is in it. */
  clear: (name: string) => void;
}

/**
 * A form's field errors as the person sees them: a field's error goes once they edit that field (no red
 * "Enter your email address." next to a valid address), and every new form result starts afresh.
 */
export function useFieldErrors(fields: FieldErrors): ShownFieldErrors {
  const [result, setResult] = useState(fields);
  const [cleared, setCleared] = useState<ReadonlySet<string>>(() => new Set());
  // A new result (each action returns a new object): adjust during render, not in an effect, so the stale
  // set is never shown against it.
  if (result !== fields) {
    setResult(fields);
    setCleared(new Set());
  }
  return {
    of: (name) => (result === fields && cleared.has(name) ? undefined : fields[name]),
    clear: (name) => {
      if (fields[name] && !cleared.has(name)) setCleared(new Set(cleared).add(name));
    },
  };
}
