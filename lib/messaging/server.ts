// The background's side of the contract: requests (the request port, and runtime.onMessage for the same contract)
// and the stream port (runtime.onConnect).
// Browser APIs are injected (the extension passes `browser`, tests WXT's fake browser), so every rule here —
// who is trusted, what a request may change, snapshot then deltas — is tested without a real browser.
import { type SerializedError, serializeError } from './errors.ts';
import { parsePortRequest, parseRequest } from './parse.ts';
import {
  PORT_NAMES,
  type PortAnswer,
  REQUEST_PORT,
  type Request,
  type RequestOf,
  type RequestType,
  type Response,
  type ResultOf,
  STREAM_PORT,
  type StreamEvent,
} from './protocol.ts';
import type { SenderLike as Sender } from './trust.ts';

/**
 * One handler per request type. `handle` must return that request's result type: a handler returning
 * another request's result fails the type check. `refreshLive` declares that the request may change the
 * vault, the active key or the endpoint, so live trading is re-matched to it once the request is done.
 */
export interface Handler<K extends RequestType, S> {
  handle(req: RequestOf<K>, services: S): Promise<ResultOf<K>> | ResultOf<K>;
  refreshLive?: true;
}
export type Handlers<S> = { [K in RequestType]: Handler<K, S> };

interface MessageEvent {
  addListener(
    listener: (
      message: unknown,
      sender: Sender,
      sendResponse: (response: unknown) => void,
    ) => boolean | undefined,
  ): void;
}

export interface PortLike {
  name: string;
  sender?: Sender;
  postMessage(message: unknown): void;
  disconnect(): void;
  onDisconnect: { addListener(listener: () => void): void };
  /** Only the request port's messages are read; the stream port's page never sends any. */
  onMessage?: { addListener(listener: (message: unknown) => void): void };
}

interface ConnectEvent {
  addListener(listener: (port: PortLike) => void): void;
}

export interface ServeRequestsDeps<S> {
  onMessage: MessageEvent;
  /** The request port (REQUEST_PORT): the same requests, answered by id over a port the page keeps open. */
  onConnect?: ConnectEvent;
  trusted(sender: Sender | undefined): boolean;
  /** The services, once started (a request that arrives earlier waits). */
  ready: Promise<S>;
  handlers: Handlers<S>;
  /** Refused messages are counted (never their payload logged). */
  refused(kind: 'untrusted' | 'malformed'): void;
  /** Every accepted request (auto-lock counts from the last use). */
  used?(): void;
  /** After a request declared `refreshLive`, before its answer leaves. */
  refreshLive(services: S): Promise<void>;
}

function dispatch<K extends RequestType, S>(handlers: Handlers<S>, req: RequestOf<K>, services: S) {
  const handler = handlers[req.type as K] as Handler<K, S>;
  return {
    run: () => Promise.resolve(handler.handle(req, services)),
    refreshLive: handler.refreshLive === true,
  };
}

/** Answers every trusted, well-formed request; anything else gets no answer at all and is counted. */
export function serveRequests<S>(deps: ServeRequestsDeps<S>): void {
  deps.onMessage.addListener((message, sender, sendResponse) => {
    const isTrusted = deps.trusted(sender);
    const req: Request | null = isTrusted ? parseRequest(message) : null;
    if (!req) {
      deps.refused(isTrusted ? 'malformed' : 'untrusted');
      return false;
    }
    deps.used?.();
    answer(deps, req).then(sendResponse);
    return true;
  });
  deps.onConnect?.addListener((port) => {
    if (port.name !== REQUEST_PORT) return; // the stream's, or refused there
    if (!deps.trusted(port.sender)) {
      deps.refused('untrusted');
      port.disconnect();
      return;
    }
    let closed = false;
    port.onDisconnect.addListener(() => {
      closed = true;
    });
    port.onMessage?.addListener((message) => {
      const incoming = parsePortRequest(message);
      if (!incoming) return deps.refused('malformed'); // no answer, as over runtime.onMessage
      deps.used?.();
      void answer(deps, incoming.request).then((response) => {
        if (closed) return; // the page went away; it has already said "no answer" to itself
        try {
          const reply: PortAnswer = { id: incoming.id, response };
          port.postMessage(reply);
        } catch {
          closed = true; // closed under us, between its disconnect and this answer
        }
      });
    });
  });
}

async function answer<S>(deps: ServeRequestsDeps<S>, req: Request): Promise<Response<RequestType>> {
  let services: S;
  try {
    services = await deps.ready;
  } catch (error) {
    return { ok: false, error: startupError(error) };
  }
  const { run, refreshLive } = dispatch(deps.handlers, req, services);
  try {
    const value = await run();
    if (refreshLive) await deps.refreshLive(services);
    return { ok: true, value };
  } catch (error) {
    // A request that failed half-way (a key replaced, its check refused) may still have changed the vault.
    if (refreshLive) await deps.refreshLive(services).catch(() => {});
    return { ok: false, error: serializeError(error) };
  }
}

function startupError(error: unknown): SerializedError {
  return { name: 'StartupError', message: error instanceof Error ? error.message : String(error) };
}

/** A source of stream events: what a new port gets first, and the deltas after it. */
export interface StreamSource<S> {
  initial(services: S): StreamEvent | Promise<StreamEvent>;
  subscribe(services: S, post: (event: StreamEvent) => void): () => void;
}

export interface ServeStreamDeps<S> {
  onConnect: ConnectEvent;
  trusted(sender: Sender | undefined): boolean;
  ready: Promise<S>;
  sources: readonly StreamSource<S>[];
  refused(kind: 'untrusted' | 'malformed'): void;
  used?(): void;
  /** The number of open ports changed (e.g. 0: no popup, the ticket's book is not needed). */
  onPorts?(open: number, services: S): void;
}

/**
 * The stream port: each trusted port gets every source's snapshot, then its deltas, until it closes. A port
 * that throws on post (closed under us) is dropped without disturbing the others.
 */
export function serveStream<S>(deps: ServeStreamDeps<S>): void {
  let open = 0;
  deps.onConnect.addListener((port) => {
    if (port.name !== STREAM_PORT && PORT_NAMES.includes(port.name)) return; // another server's port
    if (port.name !== STREAM_PORT || !deps.trusted(port.sender)) {
      deps.refused(deps.trusted(port.sender) ? 'malformed' : 'untrusted');
      port.disconnect();
      return;
    }
    deps.used?.();
    let closed = false;
    const offs: (() => void)[] = [];
    const close = () => {
      if (closed) return;
      closed = true;
      for (const off of offs.splice(0)) off();
    };
    const post = (event: StreamEvent) => {
      if (closed) return;
      try {
        port.postMessage(event);
      } catch {
        close(); // the port went away between its disconnect and our unsubscribe
      }
    };
    open += 1;
    port.onDisconnect.addListener(() => {
      close();
      open -= 1;
      void deps.ready.then((services) => deps.onPorts?.(open, services)).catch(() => {});
    });
    deps.ready.then(
      async (services) => {
        deps.onPorts?.(open, services);
        for (const source of deps.sources) {
          if (closed) return;
          // Subscribed before the snapshot is read, so no change can fall between the two; changes made
          // before the snapshot was taken are in it, so they are not sent again (they would be older).
          let live = false;
          offs.push(source.subscribe(services, (event) => live && post(event)));
          post(await source.initial(services));
          live = true;
        }
      },
      (error: unknown) =>
        post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) }),
    );
  });
}
