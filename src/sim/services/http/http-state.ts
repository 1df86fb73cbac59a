/** The HTTP(S) service's part of the modem state: the session AT+HTTPINIT opens, its parameters and the last response. */
import type { SimProfile } from '../../profile.js'

/** What AT+HTTPPARA sets; the defaults are the manual's. */
export interface HttpParams {
  url?: string
  /** CONNECTTO: seconds allowed for the connection (20..120, default 120). */
  connectTimeoutS: number
  /** RECVTO: seconds allowed between bytes of the answer (2..120, default 20). */
  receiveTimeoutS: number
  /** RESPTO: seconds allowed for the answer to start (2..120, default 20). */
  responseTimeoutS: number
  /** CONTENT: the Content-Type of a POST or PUT body (default `text/plain`). */
  contentType: string
  /** ACCEPT: the Accept header (default `*\/*`). */
  accept: string
  /** SSLCFG: the AT+CSSLCFG context an `https://` URL uses (default 0). */
  sslContext: number
  /** USERDATA: extra header lines, as written (`Name: value`, several separated by `\r\n`). */
  userData: string[]
  /** READMODE 0: read data is consumed; 1: it stays and `<offset>` counts from the start of the body. */
  readMode: 0 | 1
  /** BREAK / BREAKEND: ask for a byte range of the body (`Range: bytes=<break>-<breakend>`). */
  breakStart?: number
  breakEnd?: number
}

/** The answer of the last AT+HTTPACTION. */
export interface HttpResponse {
  method: number
  status: number
  /** The status line and header lines as AT+HTTPHEAD prints them. */
  head: Buffer
  body: Buffer
  /** READMODE 0: how much of the body was read already. */
  readBytes: number
}

/** One session from AT+HTTPINIT to AT+HTTPTERM. */
export interface HttpSession {
  params: HttpParams
  /** The body AT+HTTPDATA stored for the next POST or PUT. */
  body?: Buffer
  response?: HttpResponse
  /** The request in flight, if any: its method, how its result line is printed, and how to drop it without one. */
  pending?: { method: number; report(status: number, length: number): void; cancel(): void }
}

export interface HttpState {
  http?: HttpSession
}

/** The service right after power-up: no session. */
export function createHttpState(_profile: SimProfile): HttpState {
  return {}
}

/** The parameters of a fresh session. */
export function createHttpParams(): HttpParams {
  return {
    connectTimeoutS: 120,
    receiveTimeoutS: 20,
    responseTimeoutS: 20,
    contentType: 'text/plain',
    accept: '*/*',
    sslContext: 0,
    userData: [],
    readMode: 0,
  }
}
