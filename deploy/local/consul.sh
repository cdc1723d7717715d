# Consul: a real agent in dev mode with the UI (sourced by ./shop).
# No registry ships a Consul binary, so it is built once from its Go module (MPL-2.0 release).

consul_cached=$SHOP_CACHE/consul-$CONSUL_VERSION/consul

consul_bin() {
  if [ -n "${SHOP_CONSUL_BIN:-}" ]; then echo "$SHOP_CONSUL_BIN"; return; fi
  if command -v consul >/dev/null; then command -v consul; return; fi
  echo "$consul_cached"
}

consul_install() {
  [ -x "$(consul_bin)" ] && return
  go_build_once Consul "$CONSUL_VERSION" "$SHOP_ROOT/consul/build" github.com/hashicorp/consul "$consul_cached"
}

consul_url() { echo "http://127.0.0.1:$SHOP_CONSUL_PORT"; }

# Ready once a leader is elected and the KV store answers: a key that is not there reads as 404, while
# a store that cannot serve yet answers 500.
consul_ready() {
  curl -fsS "$(consul_url)/v1/status/leader" | grep -q ':' &&
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$(consul_url)/v1/kv/shop-ready-probe") =~ ^(200|404)$ ]]
}

# Loads consul/kv into the KV store; existing keys are kept, so live changes survive `./shop up`.
consul_seed_kv() {
  local file key
  while IFS= read -r file; do
    key=${file#"$SHOP_ROOT/consul/kv/"}
    curl -fsS -X PUT --data-binary "@$file" "$(consul_url)/v1/kv/$key?cas=0" >/dev/null \
      || die "could not write Consul KV $key"
  done < <(find "$SHOP_ROOT/consul/kv" -type f ! -name '*.md' | sort)
}

consul_up() {
  if pid_of consul >/dev/null && consul_ready; then ok "Consul already running on $(consul_url)"; return; fi
  consul_install
  launch consul "$(consul_bin)" agent -dev -node "shop-$SHOP_PROFILE" -bind 127.0.0.1 -client 127.0.0.1 \
    -config-file "$SHOP_ROOT/consul/agent.hcl" \
    -http-port "$SHOP_CONSUL_PORT" -dns-port "$SHOP_CONSUL_DNS_PORT" -server-port "$SHOP_CONSUL_SERVER_PORT" \
    -serf-lan-port "$SHOP_CONSUL_SERF_LAN_PORT" -serf-wan-port "$SHOP_CONSUL_SERF_WAN_PORT" \
    -grpc-port -1 -grpc-tls-port -1 -data-dir "$SHOP_STATE/consul"
  wait_until 60 "Consul" consul_ready || die "Consul did not start, see $SHOP_LOGS/consul.log"
  consul_seed_kv
  ok "Consul ready on $(consul_url) (UI: $(consul_url)/ui/)"
}

consul_down() { stop INT consul; }
