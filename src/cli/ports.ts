/**
 * `atseq ports`: lists serial ports with vendor/product IDs, so a user can find the modem's AT port.
 */
import type { Command } from 'commander'
import { EXIT } from '../model/exit-code.js'
import { listSerialPorts, PortListError, type SerialPortInfo } from '../app/list-ports.js'
import { addHelpFooter } from './help-footer.js'

/** USB vendor IDs of cellular modem makers, to point at the likely ports. */
const modemVendors: Readonly<Record<string, string>> = {
  '1e0e': 'SIMCom',
  '2c7c': 'Quectel',
  '1199': 'Sierra Wireless',
  '05c6': 'Qualcomm',
  '1bc7': 'Telit',
  '2cb7': 'Fibocom',
  '12d1': 'Huawei',
  '19d2': 'ZTE',
  '8087': 'Intel',
  '1e2d': 'Thales/Cinterion',
  '1508': 'Fibocom',
  '2dee': 'MeiG',
  '3763': 'Sierra Wireless',
  '0e8d': 'MediaTek',
}

export function registerPorts(program: Command): void {
  const command = program
    .command('ports')
    .description("List serial ports with USB vendor/product IDs (to find the modem's AT port).")
    .option('--json', 'print the ports as JSON')
  addHelpFooter(command, {
    examples: ['atseq ports', 'atseq ports --json'],
    exitCodes: '0 listed (also when there is none), 2 usage, 3 the ports cannot be listed.',
  }).action(async (options: { json?: boolean }) => {
    const ports = await listSerialPorts().catch((error: unknown) => {
      if (!(error instanceof PortListError)) throw error
      process.stderr.write(`atseq ports: ${error.message}\n`)
      return undefined
    })
    if (ports === undefined) {
      process.exitCode = EXIT.infrastructure
      return
    }
    process.stdout.write(options.json === true ? `${JSON.stringify(ports, null, 2)}\n` : formatPortTable(ports))
  })
}

/** One line per port: path, vid:pid, maker, serial number. */
export function formatPortTable(ports: readonly SerialPortInfo[]): string {
  if (ports.length === 0) return 'No serial ports found.\n'
  const rows = ports.map(port => [
    port.path,
    port.vendorId !== undefined ? `${port.vendorId}:${port.productId ?? '????'}` : '-',
    describeMaker(port),
    port.serialNumber ?? '',
  ])
  const header = ['PORT', 'VID:PID', 'MANUFACTURER', 'SERIAL']
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => (row[column] ?? '').length)))
  const format = (row: string[]): string =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd()
  return `${[header, ...rows].map(format).join('\n')}\n`
}

function describeMaker(port: SerialPortInfo): string {
  const maker = port.vendorId === undefined ? undefined : modemVendors[port.vendorId]
  if (maker === undefined) return port.manufacturer ?? ''
  return `${port.manufacturer ?? maker} (modem: ${maker})`
}
