/**
 * The far-side servers `atseq sim` serves beside the simulator, the same list a `sim://` run starts (echo TCP/UDP,
 * TLS, FTP(S), HTTP(S)): the lines that say where each listens and which host ports map onto it. Their certificates
 * are the shared test certificates (`sim-certificates.ts` writes their CA).
 */
import type { ResolveRule } from '../sim/sockets/host-resolve.js'
import { startSimServers } from './sim-servers.js'

/** The started servers as `atseq sim` uses them. */
export interface ServedSimServers {
  rules: ResolveRule[]
  lines: string[]
  /** Stops every server. */
  close(): Promise<void>
}

/** Starts the servers; throws (SimServerStartError) when one cannot start, with those already started stopped. */
export async function startServedSimServers(): Promise<ServedSimServers> {
  const notes: string[] = []
  const servers = await startSimServers({ recordNote: text => void notes.push(text) })
  const lines = [
    ...notes.map(note => `server ${note}`),
    ...servers.rules.map(rule => `server map ${describeRule(rule)}`),
    ...describeAccounts(servers.vars),
  ]
  return { rules: servers.rules, lines, close: () => servers.close() }
}

function describeRule(rule: ResolveRule): string {
  return `${rule.host}:${rule.port} -> ${rule.to.host}:${rule.to.port}`
}

/** The FTP account, which a login needs (the other vars only repeat the mapped addresses). */
function describeAccounts(vars: Record<string, string>): string[] {
  return vars.ftp_user === undefined ? [] : [`server FTP account ${vars.ftp_user} / ${vars.ftp_password ?? ''}`]
}
