import EventBus, { type Envelope, type Failure } from "@vertx/eventbus-bridge-client.js";

/** A refusal from the bridge: a refused request (with its failure code), or a refusal of its own. */
export class BridgeError extends Error {
  constructor(
    message: string,
    readonly failureCode?: number,
  ) {
    super(message);
    this.name = "BridgeError";
  }
}

function authorization(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

function toError(failure: Failure): BridgeError {
  return new BridgeError(failure.message ?? failure.body ?? "refused", failure.failureCode);
}

/**
 * The shop's SockJS event-bus bridge (`<gateway>/eventbus`), through Vert.x's own client: requests
 * that resolve with the answer's body, and subscriptions. Refusals that answer no request (a
 * subscription that is not allowed, say) go to `onRefusal` rather than to the console, and a
 * connection lost once open to `onClose`.
 */
export class ShopBridge {
  onRefusal: (error: BridgeError) => void = () => {};
  onClose: () => void = () => {};

  private constructor(private readonly bus: EventBus) {
    bus.onerror = (failure) => {
      // The shop's bridge says why it refuses a frame, then Vert.x's adds a bare "rejected": skip that one.
      if (failure.message === undefined && failure.body === "rejected") {
        return;
      }
      this.onRefusal(toError(failure));
    };
    bus.onclose = () => this.onClose();
  }

  /** Opens the bridge of the gateway at `gatewayUrl` (e.g. http://127.0.0.1:8080). */
  static connect(gatewayUrl: string): Promise<ShopBridge> {
    return new Promise((resolve, reject) => {
      const bus = new EventBus(`${gatewayUrl.replace(/\/$/, "")}/eventbus`, { transports: ["websocket"] });
      bus.onopen = () => resolve(new ShopBridge(bus));
      bus.onclose = () => reject(new BridgeError("the bridge closed the connection"));
    });
  }

  /** Sends a request to `address` and resolves with the body of its answer. */
  request<T>(address: string, body: unknown, token?: string): Promise<T> {
    return new Promise((resolve, reject) => {
      this.bus.send(address, body, authorization(token), (failure, message: Envelope) =>
        failure ? reject(toError(failure)) : resolve(message.body as T),
      );
    });
  }

  /** Calls `handler` with the body of every message sent to `address`. */
  subscribe<T>(address: string, token: string | undefined, handler: (body: T) => void): void {
    this.bus.registerHandler(address, authorization(token), (failure, message) => {
      if (failure) {
        this.onRefusal(toError(failure));
      } else {
        handler(message.body as T);
      }
    });
  }

  close(): void {
    this.bus.close();
  }
}
