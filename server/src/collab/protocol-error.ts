import type { CloseReason } from '@zerodraft/shared/protocol.ts';

/** A decision to close one connection with a code from shared/src/protocol.ts. */
export class ProtocolError extends Error {
  readonly close: CloseReason;
  readonly detail: string | undefined;

  constructor(close: CloseReason, detail?: string) {
    super(detail ? `${close.reason}: ${detail}` : close.reason);
    this.close = close;
    this.detail = detail;
  }
}
