module github.com/guidepress/guidepress

go 1.26.8

require (
	codeberg.org/go-pdf/fpdf v0.12.0
	github.com/BurntSushi/toml v1.6.0
	github.com/go-shiori/go-epub v1.2.1
	github.com/go-text/typesetting v0.3.5
	github.com/klauspost/compress v1.18.0
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/spf13/cobra v1.10.2
	github.com/spf13/pflag v1.0.9
	github.com/yuin/goldmark v1.8.7
	go.yaml.in/yaml/v3 v3.0.4
	golang.org/x/image v0.47.0
	golang.org/x/sys v0.49.0
	golang.org/x/term v0.47.0
	golang.org/x/text v0.43.0
)

require (
	github.com/cpuguy83/go-md2man/v2 v2.0.7 // indirect
	github.com/gabriel-vasile/mimetype v1.4.3 // indirect
	github.com/gofrs/uuid/v5 v5.0.0 // indirect
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/russross/blackfriday/v2 v2.1.0 // indirect
	github.com/vincent-petithory/dataurl v1.0.0 // indirect
	golang.org/x/net v0.19.0 // indirect
)

// goldmark v1.8.7 with its package-level regular expressions and case
// folding table built on first use, not by package inits that every
// process ran (see third_party/goldmark/README.guidepress.md).
replace github.com/yuin/goldmark => ./third_party/goldmark

// go.yaml.in/yaml/v3 v3.0.4 with its two package-level regular
// expressions compiled on first use (see third_party/yaml/README.guidepress.md).
replace go.yaml.in/yaml/v3 => ./third_party/yaml

// codeberg.org/go-pdf/fpdf v0.12.0 without its gob serialisation of
// templates and images, so that encoding/gob and its package init are not
// linked (see third_party/fpdf/README.guidepress.md).
replace codeberg.org/go-pdf/fpdf => ./third_party/fpdf

// github.com/BurntSushi/toml v1.6.0 with its local-time zones made on first
// use, not by a package init that read /etc/localtime in every process
// (see third_party/toml/README.guidepress.md).
replace github.com/BurntSushi/toml => ./third_party/toml

// github.com/klauspost/compress v1.18.0's flate with Writer.ResetLevel
// (levels 5 and 6 share one encoder layout), so that the cover's PNG and
// the EPUB and PDF share one ~1 MB writer (see
// third_party/compress/README.guidepress.md).
replace github.com/klauspost/compress => ./third_party/compress

// github.com/spf13/pflag v1.0.9 without its IP and IP-network flag types
// (ip*.go), the only users of package net in guidepress's build (see
// third_party/pflag/README.guidepress.md).
replace github.com/spf13/pflag => ./third_party/pflag
