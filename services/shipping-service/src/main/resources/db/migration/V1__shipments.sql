-- At most one shipment per order, decided when it is created: CREATED with a tracking number or
-- REJECTED with a reason; a CREATED shipment may be CANCELLED.
CREATE TABLE shipments (
  id              uuid        PRIMARY KEY,
  order_id        uuid        NOT NULL UNIQUE,
  user_id         uuid        NOT NULL,
  address         text        NOT NULL,
  status          text        NOT NULL CHECK (status IN ('CREATED', 'REJECTED', 'CANCELLED')),
  tracking_number text        UNIQUE,
  reason          text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipments_by_user ON shipments (user_id, created_at DESC);
