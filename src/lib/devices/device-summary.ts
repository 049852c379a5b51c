import Bowser from "bowser";

const MAX_PART = 40;

/** A part of the summary: printable, short, never empty. */
function part(value: string | undefined): string | null {
  const text = (value ?? "").replace(/[^\p{L}\p{N} ._()-]/gu, "").trim();
  return text ? text.slice(0, MAX_PART) : null;
}

/**
 * A readable device summary from a `User-Agent` ("Chrome on Linux", "Safari on iOS"): what the device list
 * shows. Only the browser and system names, never the version string, so a hostile header cannot put more
 * than two short printable words into the page or the database.
 */
export function deviceSummary(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const parser = Bowser.getParser(userAgent);
  const browser = part(parser.getBrowserName());
  const os = part(parser.getOSName());
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? "Unknown device";
}
