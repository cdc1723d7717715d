import { problemMessage, ShopError, unreachable } from "./shop/problems.js";
import { session } from "./session.js";

/** Calls the shop's HTTP API (same origin) with the shopper's token; a refusal rejects with its detail. */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const token = session.token();
  let response: Response;
  let text: string;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers: {
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    text = await response.text();
  } catch {
    throw unreachable();
  }
  if (!response.ok) {
    if (response.status === 401 && token) {
      session.signOut();
    }
    throw new ShopError(problemMessage(response.status, text), response.status);
  }
  return (text ? JSON.parse(text) : {}) as T;
}

export interface Page<T> {
  page: number;
  size: number;
  hasMore: boolean;
  items: T[];
}

/** A product; `stock` is what is left to sell (units reserved for orders under way are not in it). */
export interface Product {
  id: string;
  sku: string;
  name: string;
  priceMinor: number;
  currency: string;
  stock: number;
  reserved: number;
  sold: number;
}

export interface Order {
  id: string;
  status: string;
  reason: string | null;
  /** Each line as inventory-service priced it. */
  items: {
    productId: string;
    name?: string;
    sku?: string;
    currency?: string;
    quantity: number;
    unitPriceMinor?: number;
  }[];
  totalMinor: number | null;
  currency: string | null;
  shippingAddress: string;
  paymentId: string | null;
  trackingNumber: string | null;
  version: number;
  createdAt: string;
}

export interface HistoryEvent {
  version: number;
  type: string;
  occurredAt: string;
}

export interface Payment {
  id: string;
  orderId: string;
  amountMinor: number;
  currency: string;
  status: string;
  reason: string | null;
}

export interface Shipment {
  id: string;
  orderId: string;
  address: string;
  status: string;
  trackingNumber: string | null;
  reason: string | null;
}

export interface Notification {
  id: string;
  orderId: string;
  kind: string;
  recipient: string;
  subject: string;
  status: string;
}

export interface Drill {
  name: string;
  description: string;
  setting: string;
  on: boolean;
}
