import { CloseCode } from '@zerodraft/shared/protocol.ts';
import type { WebsocketProvider } from 'y-websocket';

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'live' }
  /** The connection dropped; the provider is retrying. `reason` is the server's, or empty. */
  | { kind: 'reconnecting'; reason: string }
  | { kind: 'offline' }
  /** The server closed for good (a 44xx code): retrying as is cannot help. */
  | { kind: 'closed'; code: number; reason: string };

/** Whether the browser believes it has a network, and when that changes. */
export interface Network {
  readonly online: boolean;
  subscribe(onChange: () => void): () => void;
}

export const browserNetwork: Network = {
  get online() {
    return navigator.onLine;
  },
  subscribe(onChange) {
    window.addEventListener('online', onChange);
    window.addEventListener('offline', onChange);
    return () => {
      window.removeEventListener('online', onChange);
      window.removeEventListener('offline', onChange);
    };
  },
};

/** Close code of a connection that failed without a closing handshake, e.g. a refused upgrade. */
const ABNORMAL_CLOSURE = 1006;

/** The state of a revision's collaboration connection, in the terms the status line shows. */
export class ConnectionMonitor {
  readonly #provider: WebsocketProvider;
  readonly #network: Network;
  readonly #sessionEnded: () => Promise<boolean>;
  #checkingSession = false;
  readonly #unsubscribeNetwork: () => void;
  readonly #listeners = new Set<() => void>();
  /** The server's last reason for dropping the connection, until the next sync; null if none dropped. */
  #dropReason: string | null = null;
  #closed: { code: number; reason: string } | null = null;
  #state: ConnectionState = { kind: 'connecting' };

  /**
   * `sessionEnded` tells whether the user is signed out. The server refuses the upgrade of a
   * signed-out user with HTTP 401, which a browser reports only as an abnormal close; without
   * asking, the status would say "Reconnecting…" for ever.
   */
  constructor(provider: WebsocketProvider, network: Network, sessionEnded: () => Promise<boolean>) {
    this.#provider = provider;
    this.#network = network;
    this.#sessionEnded = sessionEnded;
    provider.on('status', this.#refresh);
    provider.on('sync', this.#onSync);
    provider.on('connection-close', this.#onConnectionClose);
    provider.on('closed', this.#onClosed);
    this.#unsubscribeNetwork = network.subscribe(this.#refresh);
    this.#refresh();
  }

  get state(): ConnectionState {
    return this.#state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  destroy(): void {
    this.#provider.off('status', this.#refresh);
    this.#provider.off('sync', this.#onSync);
    this.#provider.off('connection-close', this.#onConnectionClose);
    this.#provider.off('closed', this.#onClosed);
    this.#unsubscribeNetwork();
    this.#listeners.clear();
  }

  #onSync = (synced: boolean) => {
    if (synced) this.#dropReason = null;
    this.#refresh();
  };

  #onConnectionClose = (event: CloseEvent | null) => {
    // Retries that fail without a word must not hide why the server closed in the first place.
    if (event?.reason) this.#dropReason = event.reason;
    else this.#dropReason ??= '';
    if (event?.code === ABNORMAL_CLOSURE) void this.#stopIfSignedOut();
    this.#refresh();
  };

  async #stopIfSignedOut() {
    if (this.#checkingSession) return;
    this.#checkingSession = true;
    try {
      if (!(await this.#sessionEnded()) || this.#closed) return;
      this.#provider.disconnect();
      this.#onClosed(CloseCode.Unauthorized);
    } finally {
      this.#checkingSession = false;
    }
  }

  #onClosed = (event: { code: number; reason: string }) => {
    this.#closed = event;
    this.#refresh();
  };

  #refresh = () => {
    const next = this.#compute();
    if (JSON.stringify(next) === JSON.stringify(this.#state)) return;
    this.#state = next;
    for (const listener of this.#listeners) listener();
  };

  #compute(): ConnectionState {
    if (this.#closed) return { kind: 'closed', ...this.#closed };
    if (!this.#network.online) return { kind: 'offline' };
    if (this.#provider.synced) return { kind: 'live' };
    if (this.#dropReason !== null) return { kind: 'reconnecting', reason: this.#dropReason };
    return { kind: 'connecting' };
  }
}
