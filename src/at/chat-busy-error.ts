/** Thrown when a second command or data block is started while one is running: a caller bug, not a modem outcome. */
export class ChatBusyError extends Error {
  readonly code = 'chat-busy'
  constructor(readonly runningCommand: string) {
    super(`a command is still running: ${runningCommand}`)
    this.name = 'ChatBusyError'
  }
}
