//go:build !race

package growth

// Race is true in a binary built with -race (see race_on.go).
const Race = false
