-- The outbox announces committed events on channel "outbox": the relay listens and wakes at once,
-- instead of polling the table. One notification per transaction however many events it wrote
-- (PostgreSQL folds identical notifications of a transaction into one), sent only if it commits.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
