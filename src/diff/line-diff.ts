/** A line-by-line diff of two lists (longest common subsequence), as `diff -u` shows it without context limits. */
import type { LineChange } from '../model/run-diff.js'

/** Diffs `before` against `after`; removals come before additions at each place that changed. */
export function diffLines(before: readonly string[], after: readonly string[]): LineChange[] {
  const table = buildCommonLengths(before, after)
  const changes: LineChange[] = []
  let i = 0
  let j = 0
  while (i < before.length && j < after.length) {
    if (before[i] === after[j]) {
      changes.push({ op: 'same', text: before[i++]! })
      j++
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) changes.push({ op: 'removed', text: before[i++]! })
    else changes.push({ op: 'added', text: after[j++]! })
  }
  while (i < before.length) changes.push({ op: 'removed', text: before[i++]! })
  while (j < after.length) changes.push({ op: 'added', text: after[j++]! })
  return changes
}

/** `table[i][j]`: the length of the longest common subsequence of `before[i..]` and `after[j..]`. */
function buildCommonLengths(before: readonly string[], after: readonly string[]): number[][] {
  const table = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0))
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      table[i]![j] = before[i] === after[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  return table
}

/** Whether a diff has any line that is not in both. */
export function hasLineChanges(changes: readonly LineChange[]): boolean {
  return changes.some(change => change.op !== 'same')
}
