// Types for the parts of the Vert.x event-bus client (@vertx/eventbus-bridge-client.js) used here.
declare module "@vertx/eventbus-bridge-client.js" {
  export interface Failure {
    failureCode?: number;
    failureType?: string;
    message?: string;
    body?: string;
  }
  export interface Envelope {
    type: string;
    address: string;
    body: unknown;
  }
  export type Callback = (error: Failure | null, message: Envelope) => void;

  export default class EventBus {
    constructor(url: string, options?: Record<string, unknown>);
    onopen: () => void;
    onclose: (event: unknown) => void;
    onerror: (error: Failure) => void;
    send(address: string, body: unknown, headers: Record<string, string>, callback?: Callback): void;
    registerHandler(address: string, headers: Record<string, string>, callback: Callback): void;
    unregisterHandler(address: string, headers: Record<string, string>, callback: Callback): void;
    close(): void;
  }
}
