/** The candidate closest to `word` by edit distance, when it is close enough to be a likely typo. */
export function suggestClosest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = measureEditDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  const allowed = Math.max(1, Math.floor(word.length / 3))
  return bestDistance <= allowed ? best : undefined
}

/** Levenshtein distance with adjacent transpositions counted as one edit (`expcet` is one edit from `expect`). */
export function measureEditDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)])
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1)
      rows[i]![j] = d
    }
  }
  return rows[a.length]![b.length]!
}

/** Up to `limit` candidates close enough to `word` to be a likely typo, closest first. */
export function listCloseCandidates(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const allowed = Math.max(1, Math.floor(word.length / 3))
  return [...new Set(candidates)]
    .map(candidate => ({ candidate, distance: measureEditDistance(word.toLowerCase(), candidate.toLowerCase()) }))
    .filter(c => c.distance <= allowed)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(c => c.candidate)
}
