import { ShopBridge } from "shop-bridge/bridge";
import { session } from "./session.js";
import { ShopError } from "./shop/problems.js";

type Listener = (body: unknown) => void;

const RECONNECT_MS = 2000;
/** Listeners by feed address; each address is registered once per connection, for all of them. */
const listeners = new Map<string, Set<Listener>>();
let connecting: Promise<ShopBridge> | undefined;
let onRefusal: (message: string) => void = () => {};

/** Where refusals from the bridge go (a feed the token may not hear, say). */
export function reportRefusalsTo(report: (message: string) => void): void {
  onRefusal = report;
}

function bridge(): Promise<ShopBridge> {
  if (!connecting) {
    const opening = ShopBridge.connect(location.origin).then(
      (opened) => {
        opened.onRefusal = (error) => onRefusal(error.message);
        opened.onClose = () => {
          if (connecting === opening) {
            connecting = undefined;
            setTimeout(resubscribe, RECONNECT_MS);
          }
        };
        return opened;
      },
      () => {
        if (connecting === opening) {
          connecting = undefined;
        }
        throw new ShopError("Live updates cannot be reached right now: reload the page to try again.", 0);
      },
    );
    connecting = opening;
  }
  return connecting;
}

function register(opened: ShopBridge, address: string): void {
  opened.subscribe(address, session.token(), (body) => listeners.get(address)?.forEach((l) => l(body)));
}

/** After a lost connection: a new one, with every feed someone still listens to. */
function resubscribe(): void {
  const wanted = [...listeners.entries()].filter(([, set]) => set.size > 0).map(([address]) => address);
  if (wanted.length === 0) {
    return;
  }
  bridge().then(
    (opened) => wanted.forEach((address) => register(opened, address)),
    () => setTimeout(resubscribe, RECONNECT_MS),
  );
}

/** Calls `listener` with every message on a feed until the returned function is called. */
export async function follow<T>(address: string, listener: (body: T) => void): Promise<() => void> {
  let set = listeners.get(address);
  if (!set) {
    set = new Set();
    listeners.set(address, set);
    try {
      register(await bridge(), address);
    } catch (error) {
      listeners.delete(address);
      throw error;
    }
  }
  set.add(listener as Listener);
  const added = set;
  return () => added.delete(listener as Listener);
}

/** Closes the connection on sign-out: its feeds were registered with the old token. */
export function closeBridge(): void {
  const open = connecting;
  connecting = undefined;
  listeners.clear();
  open?.then((b) => b.close()).catch(() => {});
}
