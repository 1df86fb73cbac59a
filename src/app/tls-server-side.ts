/**
 * The TLS echo-and-record server of a `sim://` run: the simulated modem's TLS sockets (AT+CCH*) reach it on any
 * host's port 7443 (it presents the embedded broker's server certificate) and 7444 (it also requires a client
 * certificate signed by that CA). Dedicated ports, so the HTTP(S) server keeps 80 and 443.
 */
import { startTlsServer, type TlsEchoServer } from '../servers/tls/index.js'
import type { ResolveRule } from '../sim/sockets/host-resolve.js'
import type { ServerNotes, SimServerSide } from './sim-server-side.js'

/** The well-known ports a sequence writes for the TLS server: server verification, and mutual TLS. */
export const TLS_SERVER_PORTS = { tls: 7443, mtls: 7444 } as const

/** Starts the server and notes where it listens; throws an error with a cause when it cannot start. */
export async function openTlsServerSide(recorder: ServerNotes): Promise<SimServerSide> {
  const server = await startTlsServer()
  recorder.recordNote(`TLS server on ${server.host}: tls ${server.tlsPort}, mtls ${server.mtlsPort}`)
  return {
    farSide: [server],
    rules: describeTlsServerRules(server),
    vars: { tls_server_host: server.host, tls_server_port: String(server.tlsPort), mtls_server_port: String(server.mtlsPort) },
    close: () => server.close(),
  }
}

/** Any host's 7443 and 7444 go to the server's verify and mutual-TLS listeners. */
export function describeTlsServerRules(server: TlsEchoServer): ResolveRule[] {
  return [
    { host: '*', port: TLS_SERVER_PORTS.tls, to: { host: server.host, port: server.tlsPort } },
    { host: '*', port: TLS_SERVER_PORTS.mtls, to: { host: server.host, port: server.mtlsPort } },
  ]
}
