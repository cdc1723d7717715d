-- Per product, stock + reserved + sold only changes when an admin sets the stock:
-- a reservation moves units from stock to reserved, a commit from reserved to sold,
-- a release back to stock.
CREATE TABLE products (
  id          uuid        PRIMARY KEY,
  sku         text        NOT NULL UNIQUE,
  name        text        NOT NULL,
  price_minor bigint      NOT NULL CHECK (price_minor >= 0),
  currency    char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  stock       integer     NOT NULL CHECK (stock >= 0),
  reserved    integer     NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  sold        integer     NOT NULL DEFAULT 0 CHECK (sold >= 0),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The stock held for an order; a refused reservation stores nothing.
CREATE TABLE reservations (
  order_id   uuid        PRIMARY KEY,
  status     text        NOT NULL CHECK (status IN ('RESERVED', 'COMMITTED', 'RELEASED')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reservation_lines (
  order_id   uuid    NOT NULL REFERENCES reservations ON DELETE CASCADE,
  product_id uuid    NOT NULL REFERENCES products,
  quantity   integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, product_id)
);
