export { BridgeError, ShopBridge } from "./bridge.js";
export { OrderWatch, run, type Change, type WatchOptions } from "./watch.js";
