/** Every service of the simulator by name; a profile lists the ones its module has. */
import type { HandlerTable, SimService } from '../command-context.js'
import { BASIC_SERVICE } from './basic/index.js'
import { CCH_SERVICE } from './cch/index.js'
import { FS_SERVICE } from './fs/index.js'
import { FTP_SERVICE } from './ftp/index.js'
import { HTTP_SERVICE } from './http/index.js'
import { MQTT_SERVICE } from './mqtt/index.js'
import { NETWORK_SERVICE } from './network/index.js'
import { SMS_SERVICE } from './sms/index.js'
import { QFILE_SERVICE } from './qfile/index.js'
import { QMQTT_SERVICE } from './qmqtt/index.js'
import { QSSL_SERVICE } from './qssl/index.js'
import { QTCPIP_SERVICE } from './qtcpip/index.js'
import { SSL_SERVICE } from './ssl/index.js'
import { TCPIP_SERVICE } from './tcpip/index.js'

const SERVICES: ReadonlyMap<string, SimService> = new Map(
  [
    BASIC_SERVICE,
    NETWORK_SERVICE,
    SSL_SERVICE,
    MQTT_SERVICE,
    TCPIP_SERVICE,
    CCH_SERVICE,
    FS_SERVICE,
    FTP_SERVICE,
    SMS_SERVICE,
    HTTP_SERVICE,
    QFILE_SERVICE,
    QSSL_SERVICE,
    QTCPIP_SERVICE,
    QMQTT_SERVICE,
  ].map(service => [service.name, service]),
)

/** The names of every service the simulator has. */
export const SIM_SERVICE_NAMES: readonly string[] = [...SERVICES.keys()]

/** The services a profile lists, in order; an unknown name is an error. */
export function selectServices(names: readonly string[]): SimService[] {
  return names.map(name => {
    const service = SERVICES.get(name)
    if (service === undefined) throw new Error(`the simulator has no service "${name}" (it has ${SIM_SERVICE_NAMES.join(', ')})`)
    return service
  })
}

/** One handler table from the services a profile lists, in order (a later service's command replaces an earlier one's). */
export function composeHandlers(names: readonly string[]): HandlerTable {
  return Object.assign({}, ...selectServices(names).map(service => service.handlers)) as HandlerTable
}

/** The flash the core keeps across reboots (the file system service's store). */
export { createFlash } from './fs/flash.js'
