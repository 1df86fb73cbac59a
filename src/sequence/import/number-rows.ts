/** Gives every step of an import its `no`: a numbered row keeps its number, steps after it get `7a`, `7b`... */
export interface StepNumberer {
  /** The number of a row's first step: its own, or the next letter after the last numbered row. */
  numberRow: (written: string) => string
  /** The number of a further step of the same row (a second command in one cell). */
  numberExtra: () => string
}

/** A numberer for one table, in row order; rows before any numbered row count from `0`. */
export function createStepNumberer(): StepNumberer {
  let base = '0'
  let letters = 0
  const numberExtra = (): string => {
    letters += 1
    return `${base}${toLetters(letters)}`
  }
  return {
    numberRow: written => {
      if (written === '') return numberExtra()
      ;[base, letters] = [written, 0]
      return written
    },
    numberExtra,
  }
}

/** 1 → a, 26 → z, 27 → aa. */
function toLetters(n: number): string {
  let text = ''
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) text = String.fromCharCode(97 + ((rest - 1) % 26)) + text
  return text
}
