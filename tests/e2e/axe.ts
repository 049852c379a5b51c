import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

const SCHEMES = ["light", "dark"] as const;
export const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const FAILING = new Set(["serious", "critical"]);

/**
 * Runs axe-core on the page as it is now, in both colour schemes at both widths, without reloading (the
 * state, such as an open dialog, stays). Returns one line per serious or critical violation, naming the
 * state, so a test can collect them all and fail once with the full list.
 */
export async function axeViolations(page: Page, state: string): Promise<string[]> {
  const found: string[] = [];
  for (const [widthName, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const violation of violations) {
        if (!FAILING.has(violation.impact ?? "")) continue;
        const targets = violation.nodes.map((node) => node.target.join(" ")).join(", ");
        found.push(`${state} [${colorScheme}, ${widthName}]: ${violation.id} (${violation.impact}) at ${targets}`);
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  return found;
}

/**
 * Serves every page without its scripts: what a browser without JavaScript shows (`<noscript>` content
 * included), in a page where axe, itself a script Playwright injects, can still run. A context with
 * `javaScriptEnabled: false` cannot run axe at all.
 */
export async function withoutPageScripts(page: Page): Promise<void> {
  await page.route("**/*", async (route) => {
    if (!route.request().isNavigationRequest()) return route.continue();
    const response = await route.fetch();
    const html = await response.text();
    const body = html.replace(/<script\b[\s\S]*?<\/script>/g, "").replace(/<\/?noscript\b[^>]*>/g, "");
    await route.fulfill({ response, body });
  });
}
