"use client";

import { type ReactNode, useEffect, useState } from "react";

/** A moment in the reader's own time zone (UTC in the server's HTML, local once the page runs). */
export function LocalTime({ ms }: { ms: number }): ReactNode {
  const iso = new Date(ms).toISOString();
  const [text, setText] = useState(`${iso.slice(0, 16).replace("T", " ")} UTC`);
  useEffect(() => setText(new Date(ms).toLocaleString([], { dateStyle: "medium", timeStyle: "short" })), [ms]);
  return <time dateTime={iso}>{text}</time>;
}
