-- One row per order event worth an email. event_id is unique, so however often an event is
-- delivered (and by whichever consumer group) it yields one notification.
CREATE TABLE notifications (
  id              uuid        PRIMARY KEY,
  event_id        uuid        NOT NULL UNIQUE,
  user_id         uuid        NOT NULL,
  order_id        uuid        NOT NULL,
  kind            text        NOT NULL CHECK (kind IN ('ORDER_CONFIRMED', 'ORDER_CANCELLED')),
  recipient       text        NOT NULL,
  subject         text        NOT NULL,
  body            text        NOT NULL,
  -- PENDING: to send; SENT: accepted by the SMTP server; RECORDED: kept here only (no SMTP
  -- server configured); FAILED: given up after mail.max-attempts.
  status          text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'RECORDED', 'FAILED')),
  attempts        int         NOT NULL DEFAULT 0,
  last_error      text,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz
);

CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC, id DESC);

-- The sender's queue: only the rows still to send.
CREATE INDEX notifications_to_send ON notifications (next_attempt_at) WHERE status = 'PENDING';
