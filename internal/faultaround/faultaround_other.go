//go:build !linux || !(amd64 || arm64)

package faultaround

var uffd = -1

func initsDone() {}
