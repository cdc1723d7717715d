//go:build tools

// Package build pins the Prometheus release that deploy/local/prometheus.sh builds.
package build

import _ "github.com/prometheus/prometheus/cmd/prometheus"
