/** A figure over interleaved rounds: the median and the spread (lowest and highest round). */
export interface Figure {
  median: number;
  min: number;
  max: number;
  rounds: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

export function figure(values: readonly number[]): Figure {
  return {
    median: median(values),
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
    rounds: values.length,
  };
}

/**
 * The ratio of two scenarios measured in the same rounds: the median of the per-round ratios, so that a
 * round slowed down by a neighbour on the machine slows both sides of its ratio.
 */
export function ratio(numerators: readonly number[], denominators: readonly number[]): Figure {
  const pairs = numerators.flatMap((value, i) => {
    const base = denominators[i];
    return base !== undefined && base > 0 ? [value / base] : [];
  });
  return figure(pairs);
}

/** The order of `items` in round `round`: rotated, so no scenario always runs first or last. */
export function rotated<T>(items: readonly T[], round: number): T[] {
  const shift = items.length ? round % items.length : 0;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
