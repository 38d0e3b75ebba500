package internal

import (
	"sync"
	"time"
)

// Timezones used for local datetime, date, and time TOML types.
//
// The exact way times and dates without a timezone should be interpreted is not
// well-defined in the TOML specification and left to the implementation. These
// defaults to current local timezone offset of the computer, but this can be
// changed by changing these variables before decoding.
//
// TODO:
// Ideally we'd like to offer people the ability to configure the used timezone
// by setting Decoder.Timezone and Encoder.Timezone; however, this is a bit
// tricky: the reason we use three different variables for this is to support
// round-tripping – without these specific TZ names we wouldn't know which
// format to use.
//
// There isn't a good way to encode this right now though, and passing this sort
// of information also ties in to various related issues such as string format
// encoding, encoding of comments, etc.
//
// So, for the time being, just put this in internal until we can write a good
// comprehensive API for doing all of this.
//
// The reason they're exported is because they're referred from in e.g.
// internal/tag.
//
// Note that this behaviour is valid according to the TOML spec as the exact
// behaviour is left up to implementations.
//
// guidepress patch: the zones are made on first use, not by a package init
// (time.Now().Zone() read and parsed /etc/localtime in every process that
// links toml), so they are functions; each returns the same Location every
// time, as the variables were.
var (
	zonesOnce                           sync.Once
	localDatetime, localDate, localTime *time.Location
)

func zones() {
	zonesOnce.Do(func() {
		_, localOffset := time.Now().Zone()
		localDatetime = time.FixedZone("datetime-local", localOffset)
		localDate = time.FixedZone("date-local", localOffset)
		localTime = time.FixedZone("time-local", localOffset)
	})
}

// LocalDatetime is the zone of a TOML local date-time.
func LocalDatetime() *time.Location { zones(); return localDatetime }

// LocalDate is the zone of a TOML local date.
func LocalDate() *time.Location { zones(); return localDate }

// LocalTime is the zone of a TOML local time.
func LocalTime() *time.Location { zones(); return localTime }
