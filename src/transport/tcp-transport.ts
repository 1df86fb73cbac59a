/**
 * Raw serial-over-TCP, as served by ser2net or a terminal server.
 */
import { Socket } from 'node:net'
import { LinkEvents } from './link-events.js'
import type { Transport } from '../model/transport.js'
import { TransportError } from './transport-error.js'

export class TcpTransport extends LinkEvents implements Transport {
  readonly url: string
  readonly settings: Record<string, string | number | boolean>
  readonly #host: string
  readonly #port: number
  #socket: Socket | undefined
  #isClosing = false

  constructor(url: string, host: string, port: number) {
    super()
    this.url = url
    this.#host = host
    this.#port = port
    this.settings = { host, port }
  }

  async open(): Promise<void> {
    const socket = new Socket()
    await new Promise<void>((resolve, reject) => {
      socket.once('error', error => reject(describeConnectError(this.url, this.#host, this.#port, error)))
      socket.connect(this.#port, this.#host, () => resolve())
    })
    socket.removeAllListeners('error')
    // An AT command is a few bytes that must leave at once: no Nagle batching.
    socket.setNoDelay(true)
    this.#socket = socket
    socket.on('data', chunk => this.emitData(chunk))
    socket.on('error', error => this.emitDrop({ cause: `connection to ${this.#host}:${this.#port} failed: ${error.message}`, error }))
    socket.on('close', () => {
      if (!this.#isClosing) this.emitDrop({ cause: `${this.#host}:${this.#port} closed the connection` })
    })
  }

  write(bytes: Buffer): Promise<void> {
    const socket = this.#socket
    if (socket === undefined || socket.destroyed || this.drop !== undefined) {
      return Promise.reject(new TransportError('not-open', this.url, `connection to ${this.#host}:${this.#port} is not open`))
    }
    return new Promise((resolve, reject) => {
      socket.write(bytes, error => (error ? reject(error) : resolve()))
    })
  }

  async close(): Promise<void> {
    const socket = this.#socket
    if (socket === undefined || socket.destroyed) return
    this.#isClosing = true
    await new Promise<void>(resolve => {
      socket.once('close', () => resolve())
      socket.destroy()
    })
  }
}

function describeConnectError(url: string, host: string, port: number, error: NodeJS.ErrnoException): TransportError {
  switch (error.code) {
    case 'ECONNREFUSED':
      return new TransportError('connection-refused', url, `nothing listens on ${host}:${port}`, {
        hint: 'start the serial-over-TCP server (ser2net, `atseq sim --listen`) or check the port',
        cause: error,
      })
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new TransportError('host-not-found', url, `unknown host ${host}`, {
        hint: 'check the host name in the device URL',
        cause: error,
      })
    default:
      return new TransportError('open-failed', url, `cannot connect to ${host}:${port}: ${error.message}`, { cause: error })
  }
}
