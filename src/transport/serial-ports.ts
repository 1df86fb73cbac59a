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

/** Lists serial ports as `serialport` sees them, sorted by path. */
export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  const ports = await SerialPort.list()
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
