# The shop's services: each instance its own JVM, registered in Consul (sourced by ./shop).

# Every module under services/ is a service; its database is the "db.name" of its defaults.
service_names() {
  local pom
  for pom in "$SHOP_ROOT"/services/*/pom.xml; do basename "$(dirname "$pom")"; done
}

service_jar() { echo "$SHOP_ROOT/services/$1/target/$1.jar"; }

service_database() {
  sed -n 's/.*"db.name"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' \
    "$SHOP_ROOT/services/$1/src/main/resources/$1.json" 2>/dev/null
}

# SHOP_INSTANCES (default 1) instances of each service; SHOP_INSTANCES_USER_SERVICE=2 for one service.
# The gateway listens on a fixed port, so there is one per profile.
service_instances() {
  [ "$1" = gateway ] && { echo 1; return; }
  local var=SHOP_INSTANCES_$(echo "$1" | tr 'a-z-' 'A-Z_')
  echo "${!var:-${SHOP_INSTANCES:-1}}"
}

# Builds the jars when one is missing or older than the sources it is made of.
services_build() {
  local name stale=0
  for name in $(service_names); do
    local jar
    jar=$(service_jar "$name")
    if [ ! -f "$jar" ] || [ -n "$(find "$SHOP_ROOT/services/$name/src" "$SHOP_ROOT/shared" "$SHOP_ROOT/pom.xml" \
      "$SHOP_ROOT/services/$name/pom.xml" -newer "$jar" -type f ! -path '*/target/*' -print -quit)" ]; then
      stale=1
    fi
  done
  [ $stale -eq 0 ] && return
  step "Building the services (mvn package)"
  (cd "$SHOP_ROOT" && mvn -q -B -DskipTests package) || die "the build failed"
}

jwt_keys() {
  local dir=$SHOP_STATE/keys
  if [ ! -f "$dir/jwt-public.pem" ]; then
    mkdir -p "$dir"
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/jwt-private.pem" 2>/dev/null \
      || die "could not generate the JWT signing key (openssl)"
    openssl pkey -in "$dir/jwt-private.pem" -pubout -out "$dir/jwt-public.pem" 2>/dev/null
    chmod 600 "$dir/jwt-private.pem"
  fi
  echo "$dir"
}

# The environment that points a service at this profile's infrastructure.
service_environment() {
  local keys
  keys=$(jwt_keys)
  cat <<EOF
CONSUL_HOST=127.0.0.1
CONSUL_PORT=$SHOP_CONSUL_PORT
KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$SHOP_KAFKA_PORT
DB_HOST=127.0.0.1
DB_PORT=$SHOP_PG_PORT
DB_USER=$SHOP_PG_USER
DB_PASSWORD=$SHOP_PG_PASSWORD
CLUSTER_NAME=shop-$SHOP_PROFILE
CLUSTER_PORT=$SHOP_CLUSTER_PORT
JWT_PRIVATE_KEY_FILE=$keys/jwt-private.pem
JWT_PUBLIC_KEY_FILE=$keys/jwt-public.pem
TRACING_ZIPKIN_URL=$(zipkin_url)/api/v2/spans
PROMETHEUS_URL=$(prometheus_url)
EOF
}

instance_ready() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$(consul_url)/v1/agent/health/service/id/$1")" = 200 ]
}

instance_address() {
  local json
  json=$(curl -fsS "$(consul_url)/v1/agent/service/$1" 2>/dev/null | tr -d ' \n') || return 0
  echo "http://$(echo "$json" | sed -n 's/.*"Address":"\([^"]*\)".*/\1/p'):$(echo "$json" | sed -n 's/.*"Port":\([0-9]*\).*/\1/p')"
}

instance_start() {
  local name=$1 id=$2
  local -a env
  mapfile -t env < <(service_environment)
  # The gateway is the public entry point, on its profile's fixed ports (HTTP and the TCP event-bus
  # bridge); services take any free port.
  [ "$name" = gateway ] && env+=("HTTP_PORT=$SHOP_GATEWAY_PORT" "BRIDGE_TCP_PORT=$SHOP_BRIDGE_PORT")
  # Each instance runs its own copy of the jar: a later build never changes the classes under a running JVM.
  local jar=$SHOP_STATE/run/$id.jar
  mkdir -p "$SHOP_STATE/run"
  cp "$(service_jar "$name")" "$jar.tmp" && mv "$jar.tmp" "$jar"
  launch "$id" env "${env[@]}" INSTANCE_ID="$id" \
    java -Xms64m -Xmx192m -XX:+UseSerialGC -Dshop.state="$SHOP_STATE" -jar "$jar"
}

services_up() {
  local name n id pending=()
  services_build
  for name in $(service_names); do
    local db
    db=$(service_database "$name")
    [ -n "$db" ] && postgres_database "$db"
    for n in $(seq 1 "$(service_instances "$name")"); do
      id=$name-$n
      if pid_of "$id" >/dev/null; then
        ok "$id already running"
      else
        instance_start "$name" "$id"
        pending+=("$id")
      fi
    done
  done
  for id in "${pending[@]}"; do
    printf '    waiting for %s ' "$id"
    # Longer than a service's own start-up deadline (startup.deadline-ms), so one that gives up says why itself.
    local deadline=$((SECONDS + 180))
    until instance_ready "$id"; do
      pid_of "$id" >/dev/null || { echo; die "$id exited, see $SHOP_LOGS/$id.log"; }
      [ $SECONDS -ge $deadline ] && { echo; die "$id did not become ready, see $SHOP_LOGS/$id.log"; }
      printf '.'
      sleep 0.5
    done
    printf ' %sready%s %s\n' "$green" "$reset" "$(instance_address "$id")"
  done
}

services_down() {
  local file names=()
  for file in "$SHOP_PIDS"/*.pid; do
    [ -f "$file" ] || continue
    case $(basename "$file" .pid) in postgres|kafka|consul|zipkin|prometheus) ;; *) names+=("$(basename "$file" .pid)") ;; esac
  done
  [ ${#names[@]} -eq 0 ] || stop TERM "${names[@]}"
}
