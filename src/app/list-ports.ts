/** `atseq ports`: the serial ports of this machine, so a user can find the modem's AT port. */
export { listSerialPorts, PortListError, type SerialPortInfo } from '../transport/serial-ports.js'
