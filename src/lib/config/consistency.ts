import { formatDuration } from "./duration";

/** The settings that constrain one another. */
export interface RelatedSettings {
  SESSION_IDLE_TIMEOUT: number;
  SESSION_MAX_AGE: number;
  SESSION_WARNING: number;
  THROTTLE_ACCOUNT_BASE_DELAY: number;
  THROTTLE_ACCOUNT_MAX_DELAY: number;
}

/**
 * Pairs of settings that would each be valid alone but contradict each other, one line per problem naming
 * both variables. A warning as long as the idle window would open the dialog on page load, and activity
 * could never extend the session; an absolute limit below the idle one makes the idle one a lie.
 */
export function checkConsistency(settings: RelatedSettings): string[] {
  const problems: string[] = [];
  const shorter = (small: keyof RelatedSettings, large: keyof RelatedSettings, strict: boolean): void => {
    const ok = strict ? settings[small] < settings[large] : settings[small] <= settings[large];
    if (ok) return;
    const relation = strict ? "shorter than" : "at most";
    problems.push(
      `${small} (${formatDuration(settings[small])}) must be ${relation} ${large} (${formatDuration(settings[large])})`,
    );
  };
  shorter("SESSION_WARNING", "SESSION_IDLE_TIMEOUT", true);
  shorter("SESSION_IDLE_TIMEOUT", "SESSION_MAX_AGE", false);
  shorter("THROTTLE_ACCOUNT_BASE_DELAY", "THROTTLE_ACCOUNT_MAX_DELAY", false);
  return problems;
}
