-- Platform tables every service with a database has, migrated before the service's own tables.

-- Transactional outbox: events written in the same transaction as the state change that caused
-- them, then relayed to Kafka in position order.
CREATE TABLE outbox (
  position     bigserial   PRIMARY KEY,
  event_id     uuid        NOT NULL UNIQUE,
  topic        text        NOT NULL,
  aggregate_id text        NOT NULL,
  envelope     jsonb       NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL;

-- Idempotent consumers: an event id is stored in the same transaction as its effect, so a
-- redelivered event has no second effect.
CREATE TABLE processed_events (
  consumer     text        NOT NULL,
  event_id     uuid        NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
