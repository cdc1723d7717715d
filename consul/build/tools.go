//go:build tools

// Package build pins the Consul agent that ./shop builds from the Go module proxy.
// Consul's own go.mod carries replace directives for its api/sdk submodules, which
// `go install consul@version` refuses; requiring it from this module lets Go resolve
// those submodules from their published versions instead.
package build

import _ "github.com/hashicorp/consul"
