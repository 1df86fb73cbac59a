import { isFinalResultLine } from '../line-matcher.js'

/** Where a response line goes in a step: a line expected before the final result, the final result, or a URC. */
export interface ResponseReading {
  expect: string[]
  urcs: string[]
}

/** URCs that SIMCom modems send after OK for network operations, whatever order a table prints them in. */
const ASYNCHRONOUS = /^\+CMQTT(START|STOP|CONNECT|PUB|SUB|UNSUB|DISC|NONET|CONNLOST|RXSTART|RXTOPIC|RXPAYLOAD|RXEND|PING):?/

const LINE_START = /\s+(?=(?:OK|ERROR|NO CARRIER|BUSY|NO ANSWER|NO DIALTONE|CONNECT)(?:\s|$)|\+[A-Z][A-Z0-9]*(?::|\s|$)|>(?:\s|$))/

/** Splits a response cell that folds several lines into one (`OK +CMQTTCONNECT: 0,0`) into its lines. */
export function splitResponseCell(cell: string): string[] {
  return cell.trim() === ''
    ? []
    : cell
        .trim()
        .split(LINE_START)
        .map(l => l.trim())
        .filter(l => l !== '')
}

/**
 * Sorts a response cell's lines: the first final result code ends the expected lines; asynchronous `+CMQTT...`
 * lines and anything after the final result are URCs (their order against OK is not enforced).
 */
export function readResponseCell(cell: string): ResponseReading {
  const lines = splitResponseCell(cell)
  const finalIndex = lines.findIndex(isFinalResultLine)
  const before = finalIndex < 0 ? lines : lines.slice(0, finalIndex)
  const after = finalIndex < 0 ? [] : lines.slice(finalIndex + 1)
  return {
    expect: [...before.filter(l => !ASYNCHRONOUS.test(l)), ...(finalIndex < 0 ? [] : [lines[finalIndex]!])],
    urcs: [...before.filter(l => ASYNCHRONOUS.test(l)), ...after],
  }
}
