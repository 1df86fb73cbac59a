/** The TLS echo-and-record server the simulated modem's TLS sockets (AT+CCH*) talk to. */
export { startTlsServer, type StartTlsServerOptions, type TlsEchoServer } from './tls-echo-server.js'
