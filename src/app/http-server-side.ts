/**
 * The HTTP(S) server of a `sim://` run, for the simulated modem's HTTP client (AT+HTTP*): any host's port 80 reaches
 * its plain listener and 443 its TLS one, so a sequence written for a public web server runs unchanged and no
 * traffic leaves the machine. It joins the far side as `http`.
 */
import { startHttpServer, type HttpServer } from '../servers/http/index.js'
import type { ResolveRule } from '../sim/sockets/host-resolve.js'
import type { ServerNotes, SimServerSide } from './sim-server-side.js'

/** Starts the server and notes where it listens; throws an error with a cause when it cannot start. */
export async function openHttpServerSide(recorder: ServerNotes): Promise<SimServerSide> {
  const server = await startHttpServer()
  recorder.recordNote(`HTTP server on ${server.host}: http ${server.port}, https ${server.tlsPort}`)
  return {
    farSide: [server],
    rules: describeHttpServerRules(server),
    vars: { http_server_host: server.host, http_server_port: String(server.port), https_server_port: String(server.tlsPort) },
    close: () => server.close(),
  }
}

/** Any host's 80 to the plain listener and 443 to the TLS one. */
export function describeHttpServerRules(server: HttpServer): ResolveRule[] {
  return [
    { host: '*', port: 80, to: { host: server.host, port: server.port } },
    { host: '*', port: 443, to: { host: server.host, port: server.tlsPort } },
  ]
}
