/**
 * The serial ports of this machine, with USB vendor/product IDs, to find a modem's AT port.
 */
import { SerialPort } from 'serialport'

export interface SerialPortInfo {
  path: string
  manufacturer?: string
  serialNumber?: string
  vendorId?: string
  productId?: string
  pnpId?: string
  locationId?: string
}

/** The ports could not be listed: the system tool the listing relies on is missing or failed. */
export class PortListError extends Error {
  override readonly name = 'PortListError'
}

/** Lists serial ports as `serialport` sees them, sorted by path; rejects with a PortListError when it cannot. */
export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  const ports = await SerialPort.list().catch((error: unknown) => {
    // On Linux serialport asks `udevadm info -e` for the USB details of every tty.
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    const hint = missing ? 'udevadm was not found: install udev (Debian: apt-get install udev)' : (error as Error).message
    throw new PortListError(`cannot list the serial ports: ${hint}`, { cause: error })
  })
  return ports
    .map(port =>
      dropUndefined({
        path: port.path,
        manufacturer: port.manufacturer,
        serialNumber: port.serialNumber,
        vendorId: port.vendorId?.toLowerCase(),
        productId: port.productId?.toLowerCase(),
        pnpId: port.pnpId,
        locationId: port.locationId,
      }),
    )
    .sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }))
}

function dropUndefined(info: { path: string } & Record<string, string | undefined>): SerialPortInfo {
  return Object.fromEntries(Object.entries(info).filter(([, value]) => value !== undefined)) as unknown as SerialPortInfo
}
