/**
 * `--shard i/n`: a deterministic split of a plan's sequences for CI matrices. Sequence k (0-based,
 * in plan order) belongs to shard (k mod n) + 1, so shards stay balanced and the same on every machine.
 */
import type { Shard } from '../model/suite.js'

export type ShardParse = { ok: true; shard: Shard } | { ok: false; hint: string }

/** Reads `2/3`; i and n are whole numbers with 1 <= i <= n. */
export function parseShard(text: string): ShardParse {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = Number(match?.[1])
  const total = Number(match?.[2])
  if (!match || total < 1 || index < 1 || index > total) return { ok: false, hint: 'expected i/n with 1 <= i <= n, e.g. 2/3' }
  return { ok: true, shard: { index, total } }
}

/** Is the k-th sequence of the plan (0-based) in this shard? */
export function isInShard(position: number, shard: Shard | undefined): boolean {
  return shard === undefined || position % shard.total === shard.index - 1
}
