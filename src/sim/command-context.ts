/**
 * What a command handler may use: the profile, the state, the certificate files, URC output and the network.
 * One context exists per power cycle; after a reboot the old one goes quiet, so late network callbacks cannot
 * print into the new session.
 */
import type { AtCommand } from '../modem/at-command-line.js'
import type { ModemState } from './modem-state.js'
import type { SimProfile } from './profile.js'
import type { OnlineSession, Reply } from './reply.js'
import type { ResolveResult } from './sockets/host-resolve.js'
import type { Flash } from './services/fs/flash.js'

export interface CommandContext {
  readonly profile: SimProfile
  readonly state: ModemState
  /** The modem's certificate storage (AT+CCERTDOWN); survives reboots. */
  readonly files: Map<string, Buffer>
  /** The module's flash file system (AT+FS*, FTP transfers to and from it); survives reboots. */
  readonly flash: Flash
  /** The names of the commands the module answers (its services' handlers), for AT+CLAC. */
  readonly commandNames: readonly string[]
  /** Prints a URC. Called during a handler, it appears after the command's final result code. */
  emitUrc(text: string): void
  /** Prints raw bytes as part of a URC block (e.g. +CMQTTRXTOPIC data). Same ordering rule as emitUrc. */
  emitBytes(bytes: Buffer): void
  /** Raw bytes from an online session to the host: at once while it holds the port, kept for ATO after the escape. */
  emitOnlineBytes(session: OnlineSession, bytes: Buffer): void
  /** The online session is over (its link closed): `text` (`CLOSED`) is printed and the modem reads commands again. */
  endOnline(session: OnlineSession, text: string): void
  /** Whether this context still belongs to the running power cycle. */
  isCurrent(): boolean
  /** A remark about what the simulator did (an unmapped host, a refused TLS handshake), for logs and reports. */
  note(text: string): void
  /** Maps a host name and port to where the simulator really connects (see SimOptions.resolve). */
  resolve(host: string, port: number): ResolveResult
  /** Restarts the modem after the current reply (AT+CRESET). */
  scheduleReboot(): void
  /** Ends registration, PDP contexts and MQTT sessions as a lost network does (+CMQTTCONNLOST, +CMQTTNONET). */
  loseNetwork(): void
  /** Hands a message the module sent (AT+CMGS, AT+CMSS) to the simulated network's SMS centre. */
  sendSms(message: { to: string; text: string }): void
  /** Runs `run` after `ms`, unless the modem rebooted meanwhile. */
  after(ms: number, run: () => void): void
}

export type CommandHandler = (cmd: AtCommand, ctx: CommandContext) => Reply

/** Handlers of one command family by upper-cased command name (`+CMQTTSTART`, `E`, `` for bare AT). */
export type HandlerTable = Readonly<Record<string, CommandHandler>>

/** A service of the simulated modem (basic commands, network, SSL, MQTT): the commands it answers. */
export interface SimService {
  /** The name profiles list it by: `basic`, `network`, `ssl`, `mqtt`. */
  name: string
  handlers: HandlerTable
  /** Ends the service's links as a lost network does, printing what the module prints then. */
  loseNetwork?(ctx: CommandContext): void
  /** Ends the service's links silently before a reboot or power-down. */
  powerDown?(ctx: CommandContext): void
}
