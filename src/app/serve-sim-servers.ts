/**
 * The far-side servers `atseq sim` serves beside the simulator, the same list a `sim://` run starts (echo TCP/UDP,
 * TLS, FTP(S), HTTP(S)): the lines that say where each listens and which host ports map onto it, and the CA their
 * certificates are signed by, written to a temporary folder for a modem's AT+CCERTDOWN or a client's --cafile.
 */
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_BROKER_HOSTNAMES, getSharedTestCertificates } from '../servers/broker/test-certificates.js'
import type { ResolveRule } from '../sim/sockets/host-resolve.js'
import { startSimServers } from './sim-servers.js'
import { createCertificateTempDir } from './start-sim-broker.js'

/** The started servers as `atseq sim` uses them. */
export interface ServedSimServers {
  rules: ResolveRule[]
  lines: string[]
  /** Stops every server and removes the CA's folder. */
  close(): Promise<void>
}

/** Starts the servers; throws (SimServerStartError) when one cannot start, with those already started stopped. */
export async function startServedSimServers(): Promise<ServedSimServers> {
  const notes: string[] = []
  const servers = await startSimServers({ recordNote: text => void notes.push(text) })
  const folder = await createCertificateTempDir()
  const caPath = join(folder, 'servers-ca.pem')
  const written = await writeServerCa(caPath).catch((error: unknown) => error as Error)
  const close = async (): Promise<void> => {
    await servers.close()
    await rm(folder, { recursive: true, force: true })
  }
  if (written instanceof Error) {
    await close()
    throw written
  }
  const lines = [
    ...notes.map(note => `server ${note}`),
    ...servers.rules.map(rule => `server map ${describeRule(rule)}`),
    ...describeAccounts(servers.vars),
    `server CA ${caPath}`,
  ]
  return { rules: servers.rules, lines, close }
}

/** The TLS, HTTPS and FTPS servers present the process's shared test certificates: their CA is the one to trust. */
async function writeServerCa(path: string): Promise<void> {
  const certificates = await getSharedTestCertificates({ hostnames: [...DEFAULT_BROKER_HOSTNAMES] })
  await writeFile(path, certificates.ca)
}

function describeRule(rule: ResolveRule): string {
  return `${rule.host}:${rule.port} -> ${rule.to.host}:${rule.to.port}`
}

/** The FTP account, which a login needs (the other vars only repeat the mapped addresses). */
function describeAccounts(vars: Record<string, string>): string[] {
  return vars.ftp_user === undefined ? [] : [`server FTP account ${vars.ftp_user} / ${vars.ftp_password ?? ''}`]
}
