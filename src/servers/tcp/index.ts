/** The TCP and UDP echo-and-record server the simulated modem's sockets talk to. */
export { startEchoServer, type EchoServer, type ReceivedChunk, type StartEchoServerOptions } from './echo-server.js'
