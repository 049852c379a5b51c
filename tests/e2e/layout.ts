import type { Locator, Page } from "@playwright/test";

/** An element's background as sRGB bytes, whatever notation (oklch, rgb) the browser computes it in. */
export function backgroundRgb(locator: Locator): Promise<[number, number, number]> {
  return locator.evaluate((element) => {
    const canvas = document.createElement("canvas");
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2d canvas");
    context.fillStyle = getComputedStyle(element).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
    return [r, g, b] as [number, number, number];
  });
}

/** True when nothing on the page is wider than the viewport (no sideways scrolling on a phone). */
export function fitsViewport(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** The vertical spans of the locators' boxes all overlap: they sit on one line. */
export async function onOneLine(locators: Locator[]): Promise<boolean> {
  const boxes = await Promise.all(locators.map((locator) => locator.boundingBox()));
  if (boxes.some((box) => box === null)) return false;
  const spans = boxes.flatMap((box) => (box ? [{ top: box.y, bottom: box.y + box.height }] : []));
  const top = Math.max(...spans.map((span) => span.top));
  const bottom = Math.min(...spans.map((span) => span.bottom));
  return top < bottom;
}
