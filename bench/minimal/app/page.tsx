import type { ReactNode } from "react";

export const dynamic = "force-dynamic";

/** The bare server-rendered page: the floor of scenario C. */
export default function Page(): ReactNode {
  return (
    <main>
      <h1>Bare page</h1>
      <p>Rendered at {new Date().toISOString()}</p>
    </main>
  );
}
