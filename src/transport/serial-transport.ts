/**
 * A serial port (a modem's AT port, or a pty) through `serialport`.
 */
import { SerialPort } from 'serialport'
import type { SerialSettings } from './device-url.js'
import { createTtyBinding } from './tty-binding.js'
import { LinkEvents } from './link-events.js'
import type { Transport } from '../model/transport.js'
import { TransportError } from './transport-error.js'

const ttyBinding = createTtyBinding()

export class SerialTransport extends LinkEvents implements Transport {
  readonly url: string
  readonly settings: Record<string, string | number | boolean>
  readonly #path: string
  readonly #serial: SerialSettings
  #port: SerialPort | undefined
  #isClosing = false

  constructor(url: string, path: string, serial: SerialSettings) {
    super()
    this.url = url
    this.#path = path
    this.#serial = serial
    this.settings = {
      path,
      baud: serial.baudRate,
      dataBits: serial.dataBits,
      parity: serial.parity,
      stopBits: serial.stopBits,
      rtscts: serial.rtscts,
    }
  }

  async open(): Promise<void> {
    const port = new SerialPort({
      path: this.#path,
      baudRate: this.#serial.baudRate,
      dataBits: this.#serial.dataBits,
      parity: this.#serial.parity,
      stopBits: this.#serial.stopBits,
      rtscts: this.#serial.rtscts,
      autoOpen: false,
      binding: ttyBinding,
    } as ConstructorParameters<typeof SerialPort>[0])
    await new Promise<void>((resolve, reject) => {
      port.open(error => (error ? reject(describeOpenError(this.url, this.#path, error)) : resolve()))
    })
    this.#port = port
    port.on('data', (chunk: Buffer) => this.emitData(chunk))
    port.on('close', (error: Error | null) => this.#handleClose(error))
    port.on('error', (error: Error) => this.#handleError(error))
  }

  write(bytes: Buffer): Promise<void> {
    const port = this.#port
    if (port === undefined || !port.isOpen || this.drop !== undefined) {
      return Promise.reject(new TransportError('not-open', this.url, `${this.#path} is not open`))
    }
    return new Promise((resolve, reject) => {
      port.write(bytes, (error: Error | null | undefined) => (error ? reject(error) : resolve()))
    })
  }

  async close(): Promise<void> {
    const port = this.#port
    if (port === undefined || !port.isOpen) return
    this.#isClosing = true
    await new Promise<void>(resolve => port.close(() => resolve()))
  }

  #handleClose(error: Error | null): void {
    if (this.#isClosing) return
    const cause = error === null ? `${this.#path} closed` : `${this.#path} went away: ${error.message}`
    this.emitDrop(error === null ? { cause } : { cause, error })
  }

  #handleError(error: Error): void {
    // A read/write error on an open port means the device is gone (USB unplugged, modem reset).
    this.emitDrop({ cause: `${this.#path} failed: ${error.message}`, error })
  }
}

/** Maps serialport's open errors (which carry only a message) to a typed error with a hint. */
export function describeOpenError(url: string, path: string, error: Error): TransportError {
  const message = error.message
  if (/No such file or directory|ENOENT/i.test(message)) {
    return new TransportError('port-not-found', url, `serial port ${path} does not exist`, {
      hint: 'check the cable and the path; `atseq ports` lists the serial ports (a modem exposes several: pick its AT port)',
      cause: error,
    })
  }
  if (/Cannot lock port|Resource temporarily unavailable|EBUSY|Device or resource busy/i.test(message)) {
    return new TransportError('port-busy', url, `serial port ${path} is busy`, {
      hint: 'another program holds it (ModemManager, minicom, screen, another atseq): close it, or `sudo systemctl stop ModemManager`',
      cause: error,
    })
  }
  if (/Permission denied|EACCES/i.test(message)) {
    return new TransportError('permission-denied', url, `no permission to open ${path}`, {
      hint: 'add yourself to the group owning the port (`sudo usermod -aG dialout $USER`, then log in again)',
      cause: error,
    })
  }
  return new TransportError('open-failed', url, `cannot open ${path}: ${message}`, { cause: error })
}
