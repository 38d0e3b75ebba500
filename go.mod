module github.com/guidepress/guidepress

go 1.26.8

require (
	codeberg.org/go-pdf/fpdf v0.11.1 // indirect
	github.com/gabriel-vasile/mimetype v1.4.3 // indirect
	github.com/go-shiori/go-epub v1.2.1 // indirect
	github.com/gofrs/uuid/v5 v5.0.0 // indirect
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/spf13/cobra v1.10.2 // indirect
	github.com/spf13/pflag v1.0.9 // indirect
	github.com/vincent-petithory/dataurl v1.0.0 // indirect
	golang.org/x/image v0.47.0 // indirect
	golang.org/x/net v0.19.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)
