# Prometheus: scrapes every service instance it finds in Consul, evaluates the shop's recording and
# alert rules, and serves the operations dashboard (console templates) (sourced by ./shop).
# Debian builds its prometheus package without Consul service discovery, so it is built once from its
# Go module, like Consul; a prometheus on PATH is not used for the same reason.

prometheus_dir=$SHOP_STATE/prometheus
prometheus_files=$SHOP_ROOT/deploy/prometheus
prometheus_bin=$SHOP_CACHE/prometheus-$PROMETHEUS_VERSION/prometheus

prometheus_url() { echo "http://127.0.0.1:$SHOP_PROMETHEUS_PORT"; }

prometheus_ready() { curl -fsS "$(prometheus_url)/-/ready" >/dev/null 2>&1; }

prometheus_install() {
  [ -x "$prometheus_bin" ] && return
  command -v go >/dev/null || die "Prometheus is built from its Go module: install Go (1.22+)"
  step "Building Prometheus $PROMETHEUS_VERSION from the Go module proxy (once, a few minutes)"
  mkdir -p "$(dirname "$prometheus_bin")"
  # The checksums are pinned in deploy/prometheus/build/go.sum.
  (cd "$prometheus_files/build" && GOSUMDB=off GOFLAGS=-mod=mod CGO_ENABLED=0 \
    go build -trimpath -o "$prometheus_bin.tmp" github.com/prometheus/prometheus/cmd/prometheus) \
    || die "building Prometheus failed"
  mv "$prometheus_bin.tmp" "$prometheus_bin"
  ok "built $prometheus_bin"
}

# The service instances are the HTTP records services register in Consul, one an instance: its id is
# the instance id, while its other records (event-bus services, bridges) have "<instance>:<name>" ids.
prometheus_write_config() {
  mkdir -p "$prometheus_dir/data"
  cat >"$prometheus_dir/prometheus.yml" <<EOF
global:
  scrape_interval: 5s
  evaluation_interval: 5s
rule_files:
  - $prometheus_files/rules/*.yml
scrape_configs:
  - job_name: shop
    metrics_path: /metrics
    honor_labels: true
    consul_sd_configs:
      - server: 127.0.0.1:$SHOP_CONSUL_PORT
        tags: [http-endpoint]
    relabel_configs:
      - source_labels: [__meta_consul_service_id]
        regex: "[^:]+"
        action: keep
      - source_labels: [__meta_consul_service]
        target_label: service
      - source_labels: [__meta_consul_service_id]
        target_label: instance
EOF
}

prometheus_up() {
  if pid_of prometheus >/dev/null && prometheus_ready; then ok "Prometheus already running on $(prometheus_url)"; return; fi
  prometheus_install
  prometheus_write_config
  launch prometheus "$prometheus_bin" --config.file="$prometheus_dir/prometheus.yml" \
    --storage.tsdb.path="$prometheus_dir/data" --storage.tsdb.retention.time=2d \
    --web.listen-address="127.0.0.1:$SHOP_PROMETHEUS_PORT" \
    --web.console.templates="$prometheus_files/consoles" \
    --web.console.libraries="$prometheus_files/console_libraries"
  wait_until 60 "Prometheus" prometheus_ready || die "Prometheus did not start, see $SHOP_LOGS/prometheus.log"
  ok "Prometheus ready on $(prometheus_url)"
}

prometheus_down() { stop TERM prometheus; }
