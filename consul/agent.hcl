# Local Consul agent for ./shop (dev mode: a single in-memory server with the UI).
# Ports are set per profile on the command line by deploy/local/consul.sh.
datacenter = "shop"
log_level  = "WARN"
ui_config {
  enabled = true
}
