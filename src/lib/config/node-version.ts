/** The smallest Node that has `crypto.argon2` and `node:sqlite` together. */
export const MIN_NODE = [24, 7] as const;

export function isSupportedNode(version: string = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

/** The one line an old Node gets, before anything imports `node:sqlite`. */
export function oldNodeMessage(version: string = process.versions.node): string {
  return `Iron Gate cannot start: it needs Node 24 (${MIN_NODE.join(".")} or newer) and this is Node ${version}; start it with \`npm run start\` (or \`npm run dev\`), whose scripts run the Node 24 from devDependencies.`;
}

/** Stops the process with that line on an old Node: for the first code that runs (next.config.ts, instrumentation). */
export function exitOnOldNode(): void {
  if (isSupportedNode()) return;
  console.error(oldNodeMessage());
  process.exit(1);
}
