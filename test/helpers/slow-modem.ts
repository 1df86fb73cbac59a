/** A scripted modem that is busy: it answers each command `delayMs` after it finished the previous one. */
import { ScriptedPeer } from './scripted-peer.js'

/** `answers` maps a command line (without CR) to the bytes the modem sends back for it. */
export function slowModem(answers: Record<string, string>, delayMs: number): ScriptedPeer {
  const peer = new ScriptedPeer()
  let busyUntil = 0
  for (const [command, answer] of Object.entries(answers)) {
    peer.on(`${command}\r`, () => {
      busyUntil = Math.max(Date.now(), busyUntil) + delayMs
      setTimeout(() => peer.send(answer), busyUntil - Date.now())
      return ''
    })
  }
  return peer
}
