import { onTestFinished } from 'vitest';
import { waitFor } from './wait-for.ts';

/** One Server-Sent Event as an `EventSource` would dispatch it. */
export interface ServerSentEvent {
  event: string;
  id: string | null;
  data: string;
}

export interface EventStreamOptions {
  cookie?: string;
  token?: string;
  /** Sent as `Last-Event-ID`, as a reconnecting `EventSource` sends it. */
  lastEventId?: string;
}

/**
 * A `text/event-stream` response read over real HTTP with fetch, parsed as the HTML standard
 * says an `EventSource` parses it (fields `event`, `id`, `data`; `:` starts a comment). Closed
 * at the end of the test.
 */
export class EventStream {
  readonly response: Response;
  /** Every event so far, in order of arrival. */
  readonly events: ServerSentEvent[] = [];
  /** Comment lines, e.g. keep-alives. */
  readonly comments: string[] = [];
  #ended = false;
  readonly #abort: AbortController;

  private constructor(response: Response, abort: AbortController) {
    this.response = response;
    this.#abort = abort;
    // A refusal's body is left for the test to read.
    const streaming = response.ok && response.headers.get('content-type')?.startsWith('text/event-stream');
    if (streaming && response.body) void this.#read(response.body);
    else this.#ended = true;
  }

  /** Opens the stream; whatever the status, the response is there to look at. */
  static async open(url: string, { cookie, token, lastEventId }: EventStreamOptions = {}): Promise<EventStream> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (cookie) headers.cookie = cookie;
    if (token) headers.authorization = `Bearer ${token}`;
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    const abort = new AbortController();
    const response = await fetch(url, { headers, signal: abort.signal });
    const stream = new EventStream(response, abort);
    onTestFinished(() => stream.close());
    return stream;
  }

  /** Whether the server ended the stream. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Waits for the `n`th event (from 1) of type `event`, counting from the start of the stream. */
  async nth(event: string, n: number, timeoutMs = 5_000): Promise<ServerSentEvent> {
    await waitFor(() => this.of(event).length >= n, { timeoutMs, what: `event ${n} of type "${event}"` });
    const found = this.of(event)[n - 1];
    if (!found) throw new Error(`No event ${n} of type "${event}"`);
    return found;
  }

  of(event: string): ServerSentEvent[] {
    return this.events.filter((e) => e.event === event);
  }

  async untilEnded(timeoutMs = 5_000): Promise<void> {
    await waitFor(() => this.#ended, { timeoutMs, what: 'the server to end the event stream' });
  }

  close(): void {
    this.#abort.abort();
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    let event: ServerSentEvent = { event: 'message', id: null, data: '' };
    let data: string[] = [];
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.search(/\r\n|\r|\n/); end >= 0; end = buffer.search(/\r\n|\r|\n/)) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(buffer.startsWith('\r\n', end) ? end + 2 : end + 1);
          if (line === '') {
            if (data.length > 0) this.events.push({ ...event, data: data.join('\n') });
            event = { event: 'message', id: null, data: '' };
            data = [];
          } else if (line.startsWith(':')) {
            this.comments.push(line.slice(1).trim());
          } else {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') event.event = value;
            else if (field === 'id') event.id = value;
            else if (field === 'data') data.push(value);
          }
        }
      }
    } catch {
      // Aborted by `close()`, or the connection dropped: either way the stream has ended.
    } finally {
      this.#ended = true;
    }
  }
}
