/**
 * Everything the simulated modem remembers between commands, as plain data: one slice per service.
 * A reboot replaces the whole object (only the files, kept in flash, survive).
 */
import type { SimProfile } from './profile.js'
import { createBasicState, type BasicState } from './services/basic/basic-state.js'
import { createCchState, type CchState } from './services/cch/cch-state.js'
import { createFsState, type FsState } from './services/fs/fs-state.js'
import { createFtpState, type FtpState } from './services/ftp/ftp-state.js'
import { createHttpState, type HttpState } from './services/http/http-state.js'
import { createMqttState, type MqttState } from './services/mqtt/mqtt-state.js'
import { createNetworkState, type NetworkState } from './services/network/network-state.js'
import { createQmqttState, type QmqttState } from './services/qmqtt/qmqtt-state.js'
import { createQsslState, type QsslState } from './services/qssl/qssl-state.js'
import { createQtcpipState, type QtcpipState } from './services/qtcpip/qtcpip-state.js'
import { createSmsState, type SmsState } from './services/sms/sms-state.js'
import { createSslState, type SslState } from './services/ssl/ssl-state.js'
import { createTcpipState, type TcpipState } from './services/tcpip/tcpip-state.js'

export type ModemState = BasicState &
  NetworkState &
  SslState &
  MqttState &
  TcpipState &
  CchState &
  FsState &
  FtpState &
  SmsState &
  HttpState &
  QmqttState &
  QsslState &
  QtcpipState

/** The state right after power-up. */
export function createModemState(profile: SimProfile, simPresent = true, simPin?: string): ModemState {
  return {
    ...createBasicState(profile),
    ...createNetworkState(profile, simPresent, simPin),
    ...createSslState(profile),
    ...createMqttState(profile),
    ...createTcpipState(profile),
    ...createCchState(profile),
    ...createFsState(profile),
    ...createFtpState(profile),
    ...createSmsState(profile),
    ...createHttpState(profile),
    ...createQmqttState(profile),
    ...createQsslState(profile),
    ...createQtcpipState(profile),
  }
}
