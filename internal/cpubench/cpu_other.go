//go:build !unix

package cpubench

import "time"

// CPU is not measured on this platform: -1, and no cpu-ms/op is reported.
func CPU() time.Duration { return -1 }
