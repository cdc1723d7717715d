# PostgreSQL: one real server per profile, one database per service (sourced by ./shop).

pg_bindir() {
  if [ -n "${SHOP_PG_BIN:-}" ]; then echo "$SHOP_PG_BIN"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/postgres" ]; then echo "$dir"; return; fi
  command -v postgres >/dev/null && dirname "$(readlink -f "$(command -v postgres)")" && return
  return 1
}

pg_data=$SHOP_STATE/postgres/data

pg_ready() { "$(pg_bindir)/pg_isready" -q -h 127.0.0.1 -p "$SHOP_PG_PORT" -d postgres; }

postgres_psql() {
  PGPASSWORD=$SHOP_PG_PASSWORD "$(pg_bindir)/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SHOP_PG_PORT" \
    -U "$SHOP_PG_USER" "$@"
}

postgres_up() {
  local bin
  bin=$(pg_bindir) || die "no PostgreSQL server found: install it (Debian: apt-get install postgresql) or set SHOP_PG_BIN"
  if pid_of postgres >/dev/null && pg_ready; then ok "PostgreSQL already running on 127.0.0.1:$SHOP_PG_PORT"; return; fi
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    mkdir -p "$pg_data"
    chmod 700 "$pg_data"
    local pwfile=$SHOP_STATE/postgres/pwfile
    printf '%s\n' "$SHOP_PG_PASSWORD" >"$pwfile"
    "${as_unprivileged[@]}" "$bin/initdb" -D "$pg_data" -U "$SHOP_PG_USER" --pwfile="$pwfile" \
      --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$SHOP_LOGS/postgres-initdb.log" 2>&1 \
      || die "initdb failed, see $SHOP_LOGS/postgres-initdb.log"
    rm -f "$pwfile"
  fi
  mkdir -p "$SHOP_STATE/postgres/socket"
  launch postgres "${as_unprivileged[@]}" "$bin/postgres" -D "$pg_data" -p "$SHOP_PG_PORT" -h 127.0.0.1 \
    -k "$SHOP_STATE/postgres/socket" -c max_connections=200 -c shared_buffers=64MB -c fsync=on
  wait_until 60 "PostgreSQL" pg_ready || die "PostgreSQL did not start, see $SHOP_LOGS/postgres.log"
  ok "PostgreSQL ready on 127.0.0.1:$SHOP_PG_PORT"
}

# postgres_database NAME: create a service's database if it does not exist yet.
postgres_database() {
  local name=$1
  if [ -z "$(postgres_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
    postgres_psql -d postgres -c "CREATE DATABASE \"$name\"" || die "could not create database $name"
  fi
}

postgres_down() { stop INT postgres; }
