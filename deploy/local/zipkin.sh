# Zipkin: the trace store and its UI, the exec jar from Maven Central with in-memory storage
# (sourced by ./shop). Every service sends its spans here (tracing.zipkin-url).

zipkin_jar=$SHOP_CACHE/zipkin-$ZIPKIN_VERSION/zipkin-server.jar

zipkin_install() {
  [ -f "$zipkin_jar" ] && return
  step "Fetching Zipkin $ZIPKIN_VERSION from Maven Central (once)"
  local dir
  dir=$(dirname "$zipkin_jar")
  mkdir -p "$dir"
  mvn -q -B dependency:copy -Dartifact="io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" \
    -Dmdep.stripVersion=true -Dmdep.stripClassifier=true -DoutputDirectory="$dir" \
    || die "could not fetch Zipkin from Maven Central"
}

zipkin_url() { echo "http://127.0.0.1:$SHOP_ZIPKIN_PORT"; }

zipkin_ready() { curl -fsS "$(zipkin_url)/health" 2>/dev/null | grep -q '"UP"'; }

zipkin_up() {
  if pid_of zipkin >/dev/null && zipkin_ready; then ok "Zipkin already running on $(zipkin_url)"; return; fi
  zipkin_install
  # In-memory storage, bounded: the oldest traces go first.
  launch zipkin env QUERY_PORT="$SHOP_ZIPKIN_PORT" MEM_MAX_SPANS=100000 \
    java -Xms64m -Xmx320m -XX:+UseSerialGC -Dshop.state="$SHOP_STATE" -jar "$zipkin_jar" \
    --server.address=127.0.0.1
  wait_until 120 "Zipkin" zipkin_ready || die "Zipkin did not start, see $SHOP_LOGS/zipkin.log"
  ok "Zipkin ready on $(zipkin_url)/zipkin/"
}

zipkin_down() { stop TERM zipkin; }
