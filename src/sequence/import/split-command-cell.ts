/** A command cell holding one or more command lines, as the commands a modem takes one at a time. */
export interface CommandCell {
  commands: string[]
  /** Whether a line end written out at a command's end (`\r`, `\r\n`, `<CR>`) was taken off. */
  lineEndRemoved: boolean
}

/** Where a further command starts: blanks (and a `/` between blanks) before an upper-case `AT` command. */
const NEXT_COMMAND = /^\s+(?:\/\s+)?(?=AT(?:[+&#$%^*\\?]|[A-Z]|\s|$))/
const WRITTEN_LINE_END = /(?:\\r\\n|\\r|\\n|<CR>(?:<LF>)?)$/i

/** Splits `AT+FSCD? / AT+FSCD=F:/ AT+FSLS` into its commands (never inside quotes), each without a written-out line end. */
export function splitCommandCell(cell: string): CommandCell {
  const commands: string[] = []
  let quoted = false
  let start = 0
  for (let i = 0; i < cell.length; i++) {
    if (cell[i] === '"' || cell[i] === '\u201C' || cell[i] === '\u201D' || cell[i] === '\u2033') quoted = !quoted
    const separator = quoted ? null : NEXT_COMMAND.exec(cell.slice(i))
    if (separator === null || i === 0) continue
    commands.push(cell.slice(start, i))
    start = i + separator[0].length
    i = start - 1
  }
  commands.push(cell.slice(start))
  let lineEndRemoved = false
  const trimmed = commands.map(command => {
    const text = command.trim()
    const without = text.replace(WRITTEN_LINE_END, '').trimEnd()
    if (without !== text) lineEndRemoved = true
    return without
  })
  return { commands: trimmed.filter(c => c !== ''), lineEndRemoved }
}
