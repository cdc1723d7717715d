-- One row per charge attempt, keyed by the caller's idempotency key. A payment is PENDING from
-- the moment it is recorded until the provider's answer is stored (CAPTURED or DECLINED).
CREATE TABLE payments (
  id              uuid        PRIMARY KEY,
  order_id        uuid        NOT NULL,
  user_id         uuid        NOT NULL,
  amount_minor    bigint      NOT NULL CHECK (amount_minor > 0),
  currency        char(3)     NOT NULL,
  status          text        NOT NULL CHECK (status IN ('PENDING', 'CAPTURED', 'DECLINED', 'REFUNDED')),
  reason          text,
  idempotency_key text        NOT NULL UNIQUE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_by_user ON payments (user_id, created_at DESC);
CREATE INDEX payments_by_order ON payments (order_id);

-- Money movements: a charge is positive, a refund negative. A payment is charged at most once and
-- refunded at most once, whatever the code above does.
CREATE TABLE ledger_entries (
  id           uuid        PRIMARY KEY,
  payment_id   uuid        NOT NULL REFERENCES payments (id),
  kind         text        NOT NULL CHECK (kind IN ('CHARGE', 'REFUND')),
  amount_minor bigint      NOT NULL CHECK ((kind = 'CHARGE' AND amount_minor > 0) OR (kind = 'REFUND' AND amount_minor < 0)),
  currency     char(3)     NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (payment_id, kind)
);
