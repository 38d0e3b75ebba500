package markdown

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The copy of yaml in third_party/yaml compiles its two regular
// expressions, and builds its resolve and tag tables, on first use rather
// than in package inits. Both still
// decide as before: yamlStyleFloat which plain scalars are floats when
// reading, base60float which strings are quoted when writing (YAML 1.1
// read 1:20 as a sexagesimal number).
func TestYAMLLazyExpressions(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"1.5", "float64 1.5"}, {".5", "float64 0.5"}, {"-2.", "float64 -2"}, {"1e3", "float64 1000"},
		{"+1.5E-2", "float64 0.015"}, {"12", "int 12"}, {"1.2.3", "string 1.2.3"},
		{"e3", "string e3"}, {"1_000.5", "float64 1000.5"}, {".", "string ."},
		// the tables built on first use: plain scalars and explicit tags
		{"true", "bool true"}, {"~", "<nil> <nil>"}, {".inf", "float64 +Inf"},
		{"!!str 12", "string 12"}, {"!!float 1", "float64 1"}, {"!!int 7", "int 7"},
	} {
		var v any
		if err := yaml.Unmarshal([]byte("v: "+tt.in), &struct{ V *any }{&v}); err != nil {
			t.Fatalf("%q: %v", tt.in, err)
		}
		if got := fmt.Sprintf("%T %v", v, v); got != tt.want {
			t.Errorf("yaml reads %q as %s, want %s", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"1:20", `"1:20"`}, {"-1:20:30.5", `"-1:20:30.5"`}, {"1:70", "1:70"}, {"a:20", "a:20"},
	} {
		out, err := yaml.Marshal(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(string(out)); got != tt.want {
			t.Errorf("yaml writes %q as %s, want %s", tt.in, got, tt.want)
		}
	}
}
