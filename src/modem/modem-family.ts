/**
 * What atseq knows of one modem family, as data: how its chat looks (prompt, URCs, payloads read by
 * length), which parameters of which lines are result codes and what they mean, and the commands lint and
 * the importer know. Adding a vendor is a new `families/<family>/` folder and one line in the registry.
 */
import type { ChatProfile } from './chat-profile.js'

/** A line whose parameter is a result code: `+CMQTTCONNECT: <client>,<err>` has the code at index 1 of 2. */
export interface ResultCodeRule {
  /** The line's name as on the wire, with its `+` (`+CMQTTCONNECT`). */
  name: string
  /** How many comma-separated parameters the result form has (the read form of the same name has others). */
  params: number
  /** 0-based index of the parameter that is the code. */
  codeParam: number
  /** Meaning of each code value. */
  meanings: Readonly<Record<number, string>>
}

/** A command the family's modems know, with what lint needs of it. */
export interface CommandInfo {
  /** The command's name with its prefix: `+CMQTTTOPIC`. */
  name: string
  /** For commands that open a `>` prompt reading exactly N bytes: the 0-based parameter that gives N. */
  promptLengthParam?: number
}

/** Parameters of a command's write form that are credentials (user names, passwords, PINs). */
export interface CredentialParamRule {
  /** The command's name with its prefix: `+CMQTTCONNECT`. */
  name: string
  /** 0-based indexes of the parameters that are credentials. */
  params: readonly number[]
  /** The var name `atseq record` gives each of those parameters, in the same order. */
  varNames: readonly string[]
  /** Only when this parameter holds this text (case-insensitive), e.g. `AT+CSSLCFG="password",...`. */
  when?: { param: number; equals: string }
}

export interface ModemFamily {
  /** The family's name: `simcom`, `generic`. */
  name: string
  /** The device names (a sequence's `device:`, a `sim://` profile) that belong to this family. */
  deviceNames: readonly string[]
  chatProfile: ChatProfile
  resultCodes: readonly ResultCodeRule[]
  /** Commands whose information responses and result URCs carry their own name. */
  commands: readonly CommandInfo[]
  /** URC names that never answer a command (`+CMQTTRXSTART`, `+CPIN`). */
  unsolicitedOnly: readonly string[]
  /** Command parameters that are credentials, masked wherever the command line appears. */
  credentialParams?: readonly CredentialParamRule[]
  /**
   * Command name prefixes only this family has (`+CMQTT`, `+QMT`), and the device name a draft that uses
   * them is given (`atseq import` and `atseq record` infer the family from the commands).
   */
  draftDevice?: { commandPrefixes: readonly string[]; device: string }
  /** Lines followed by a payload whose byte count is one of their parameters, as the manual shows them. */
  payloadLines?: ReadonlyArray<{ name: string; lengthParam: number; marker?: string }>
}
