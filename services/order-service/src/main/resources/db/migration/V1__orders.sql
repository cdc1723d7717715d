-- The event store: each order is an append-only stream; (order_id, version) is unique, which is
-- the optimistic concurrency check of every append.
CREATE TABLE order_events (
  position    bigserial   PRIMARY KEY,
  order_id    uuid        NOT NULL,
  version     int         NOT NULL,
  type        text        NOT NULL,
  data        jsonb       NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (order_id, version)
);

-- The read model for queries, written by the projection in the same transaction as the events
-- and rebuildable from order_events.
CREATE TABLE orders_view (
  order_id         uuid        PRIMARY KEY,
  user_id          uuid        NOT NULL,
  status           text        NOT NULL,
  reason           text,
  lines            jsonb       NOT NULL,
  total_minor      bigint      NOT NULL,
  currency         text        NOT NULL,
  shipping_address text        NOT NULL,
  payment_id       text,
  tracking_number  text,
  version          int         NOT NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX orders_view_by_user ON orders_view (user_id, created_at DESC, order_id);
CREATE INDEX orders_view_in_flight ON orders_view (updated_at) WHERE status IN ('PENDING', 'PENDING_PAYMENT', 'CANCELLING');

-- Placing an order is idempotent per user and Idempotency-Key.
CREATE TABLE idempotency_keys (
  user_id      uuid        NOT NULL,
  key          text        NOT NULL,
  request_hash text        NOT NULL,
  order_id     uuid        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

-- The saga log: which remote steps were started and finished, so that a crash resumes them and
-- a failure compensates exactly the steps that may have taken effect.
CREATE TABLE saga_steps (
  order_id   uuid        NOT NULL,
  step       text        NOT NULL,
  state      text        NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (order_id, step)
);

-- Last known user data, the fallback when user-service cannot be reached.
CREATE TABLE known_users (
  user_id    uuid        PRIMARY KEY,
  email      text        NOT NULL,
  name       text        NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
