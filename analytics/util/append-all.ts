/**
 * Append every item of `source` to `target`. `target.push(...source)` passes each item as
 * an argument, which overflows the call stack somewhere past 100,000 items: a million-row
 * book reaches that with outstanding items or problems.
 * @returns target
 * @example appendAll([1], [2, 3]) // [1, 2, 3]
 */
export function appendAll<T>(target: T[], source: readonly T[]): T[] {
  for (let i = 0; i < source.length; i++) target.push(source[i]);
  return target;
}
