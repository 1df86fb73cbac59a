/**
 * serialport's Unix binding, with reads and writes done the way a tty wants them:
 * - the fd is non-blocking, so reads and writes are done directly on the event loop (waiting for
 *   poll only when the fd is not ready) instead of a round trip through the libuv thread pool for
 *   every read and write: this is most of the latency of an AT round trip on a fast link;
 * - on a non-blocking tty "no data" is EAGAIN, so a 0-byte read means the far end hung up (a pty
 *   whose other side closed, a USB modem gone); the stock binding retries that forever, spinning a
 *   core and never reporting the drop. Here it is a disconnect, which closes the port with a drop.
 */
import { readSync, writeSync } from 'node:fs'
import { SerialPort } from 'serialport'

type Binding = typeof SerialPort.binding
type PortBinding = Awaited<ReturnType<Binding['open']>>

/** The part of bindings-cpp's Unix port binding this wrapper relies on. */
interface UnixPortBinding {
  fd: number | null
  readonly isOpen: boolean
  poller: { once(event: 'readable' | 'writable', callback: (error: Error | null) => void): unknown }
  /** What `drain()` waits for before tcdrain. */
  writeOperation: Promise<void> | null
}

/** The detected binding with direct, hangup-aware reads (Unix); on Windows the detected binding itself. */
export function createTtyBinding(detected: Binding = SerialPort.binding): Binding {
  if (process.platform === 'win32') return detected
  return {
    ...detected,
    list: () => detected.list(),
    async open(options: Parameters<Binding['open']>[0]): Promise<PortBinding> {
      const port = await (detected.open as (o: typeof options) => Promise<PortBinding>)(options)
      if (isUnixPortBinding(port)) {
        const state: ReadState = { drained: false }
        port.read = (buffer, offset, length) => readWhenReady(port, state, buffer, offset, length)
        port.write = buffer => trackWrite(port, writeWhenReady(port, buffer))
      }
      return port
    },
  } as Binding
}

function isUnixPortBinding(port: unknown): port is UnixPortBinding & PortBinding {
  return typeof port === 'object' && port !== null && 'fd' in port && 'poller' in port
}

/**
 * Whether the last read took less than it asked for. The stream asks for the next chunk as soon as one arrives;
 * after a short read the fd is almost always empty, and trying it anyway costs a failed read whose EAGAIN Node
 * turns into a thrown Error (about 10 µs, a fifth of atseq's own time per AT round trip over a pty). So after a
 * short read the next read waits for poll first: poll is level-triggered, so data that came in between still
 * wakes it at once.
 */
interface ReadState {
  drained: boolean
}

async function readWhenReady(
  port: UnixPortBinding,
  state: ReadState,
  buffer: Buffer,
  offset: number,
  length: number,
): Promise<{ bytesRead: number; buffer: Buffer }> {
  for (;;) {
    // The port may have closed while we waited; polling a destroyed poller crashes the process.
    if (!port.isOpen || port.fd === null) throw canceled()
    if (state.drained) {
      state.drained = false
      await waitUntil(port, 'readable')
      continue
    }
    const bytesRead = readNow(port.fd, buffer, offset, length)
    if (bytesRead === 0) throw new Error('the far end hung up')
    if (bytesRead > 0) {
      state.drained = bytesRead < length
      return { bytesRead, buffer }
    }
    await waitUntil(port, 'readable')
  }
}

async function writeWhenReady(port: UnixPortBinding, buffer: Buffer): Promise<void> {
  let offset = 0
  while (offset < buffer.length) {
    if (!port.isOpen || port.fd === null) throw new Error('Port is not open')
    const bytesWritten = writeNow(port.fd, buffer, offset)
    if (bytesWritten >= 0) offset += bytesWritten
    else await waitUntil(port, 'writable')
  }
}

function trackWrite(port: UnixPortBinding, operation: Promise<void>): Promise<void> {
  const tracked = operation.finally(() => {
    if (port.writeOperation === tracked) port.writeOperation = null
  })
  port.writeOperation = tracked
  return tracked
}

function waitUntil(port: UnixPortBinding, event: 'readable' | 'writable'): Promise<void> {
  return new Promise((resolve, reject) => port.poller.once(event, error => (error ? reject(error) : resolve())))
}

/** Writes what fits now: the byte count, or -1 when the fd is not writable yet. A gone device is a disconnect. */
function writeNow(fd: number, buffer: Buffer, offset: number): number {
  try {
    return writeSync(fd, buffer, offset)
  } catch (error) {
    if (isWouldBlock(error)) return -1
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EBADF' || code === 'ENXIO' || code === 'EIO') Object.assign(error as Error, { disconnect: true })
    throw error
  }
}

function isWouldBlock(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'EAGAIN' || code === 'EWOULDBLOCK' || code === 'EINTR'
}

/** Reads what is there now: the byte count, or -1 when nothing is there yet. Throws on a real error. */
function readNow(fd: number, buffer: Buffer, offset: number, length: number): number {
  try {
    return readSync(fd, buffer, offset, length, null)
  } catch (error) {
    if (isWouldBlock(error)) return -1
    throw error
  }
}

/** The stream treats a `canceled` read error as "closed by us", not as a disconnect. */
function canceled(): Error {
  return Object.assign(new Error('Port is not open'), { canceled: true })
}
