package markdown

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// The copy of toml in third_party/toml makes its local-time zones on first
// use rather than in a package init. Local dates and times still read into
// them (decoded into an any: a time.Time field takes the value through
// its UnmarshalText, in UTC, as before the patch), and write back without
// a zone; an offset date-time keeps its offset.
func TestTOMLLocalZones(t *testing.T) {
	for _, tt := range []struct{ in, zone, out string }{
		{"1979-05-27T07:32:00", "datetime-local", "1979-05-27T07:32:00"},
		{"1979-05-27", "date-local", "1979-05-27"},
		{"07:32:00", "time-local", "07:32:00"},
		{"1979-05-27T07:32:00Z", "UTC", "1979-05-27T07:32:00Z"},
		{"1979-05-27T00:32:00-07:00", "", "1979-05-27T00:32:00-07:00"},
	} {
		var v map[string]any
		if _, err := toml.Decode("D = "+tt.in, &v); err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		d, ok := v["D"].(time.Time)
		if !ok {
			t.Fatalf("%s reads as %T, want time.Time", tt.in, v["D"])
		}
		if got := d.Location().String(); got != tt.zone {
			t.Errorf("%s reads in zone %q, want %q", tt.in, got, tt.zone)
		}
		var b bytes.Buffer
		if err := toml.NewEncoder(&b).Encode(v); err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(b.String()); got != "D = "+tt.out {
			t.Errorf("%s writes back as %q, want %q", tt.in, got, "D = "+tt.out)
		}
	}
}
