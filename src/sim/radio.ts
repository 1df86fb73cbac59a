/**
 * What the module's radio sees, across reboots: whether the network is there, the signal and the SIM card. Changes
 * reach the running power cycle's state and services through its command context.
 */
import type { CommandContext } from './command-context.js'
import type { ModemState } from './modem-state.js'
import { canRegister, regainNetwork } from './services/network/index.js'

/** 27.007 AT+CSQ rssi 99: not known or not detectable. */
const NO_SIGNAL = 99

export class Radio {
  private networkUp = true

  constructor(
    public simPresent: boolean,
    private rssi: number,
  ) {}

  /** Coverage needs the network up and a detectable signal. */
  hasCoverage(): boolean {
    return this.networkUp && this.rssi !== NO_SIGNAL
  }

  /** Gives a fresh state (power-up) the radio's coverage, registration and signal. */
  applyTo(state: ModemState): void {
    state.coverage = this.hasCoverage()
    state.networkUp = canRegister(state)
    state.rssi = this.rssi
  }

  dropNetwork(ctx: CommandContext): void {
    this.networkUp = false
    ctx.state.coverage = false
    ctx.loseNetwork()
  }

  restoreNetwork(ctx: CommandContext): void {
    this.networkUp = true
    ctx.state.coverage = this.hasCoverage()
    regainNetwork(ctx)
  }

  removeSim(ctx: CommandContext): void {
    ctx.state.simPresent = this.simPresent = false
    ctx.loseNetwork()
  }

  insertSim(ctx: CommandContext): void {
    ctx.state.simPresent = this.simPresent = true
    ctx.emitUrc('+CPIN: READY')
    regainNetwork(ctx)
  }

  /** A new signal; losing or regaining detectability loses or restores the network (unless it was dropped). */
  setSignal(ctx: CommandContext, rssi: number, ber: number): void {
    const hadCoverage = this.hasCoverage()
    ctx.state.rssi = this.rssi = rssi
    ctx.state.ber = ber
    if (hadCoverage === this.hasCoverage()) return
    ctx.state.coverage = !hadCoverage
    if (hadCoverage) ctx.loseNetwork()
    else regainNetwork(ctx)
  }
}
