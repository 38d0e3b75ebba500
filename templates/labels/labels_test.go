package labels

import (
	"reflect"
	"strings"
	"testing"
)

// Every language has a file, every file every key, and no two languages
// print the same FAQ heading by mistake of copying.
func TestEveryFileComplete(t *testing.T) {
	seen := map[string]string{}
	for _, lang := range Languages {
		l, err := load(lang)
		if err != nil {
			t.Fatal(err)
		}
		v := reflect.ValueOf(l)
		for i := 0; i < v.NumField(); i++ {
			key, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
			if v.Field(i).String() == "" && !optional(key) && key != "-" {
				t.Errorf("%s.json: %s is empty", lang, v.Type().Field(i).Name)
			}
		}
		if other, ok := seen[l.FAQ]; ok {
			t.Errorf("%s and %s share the FAQ label %q", lang, other, l.FAQ)
		}
		seen[l.FAQ] = lang
	}
}

func TestFor(t *testing.T) {
	if got := For("es").Minutes(12); got != "12 min de lectura" {
		t.Errorf("es minutes = %q", got)
	}
	if got := For("pt-BR").FAQ; got != "Perguntas frequentes" {
		t.Errorf("pt-BR FAQ = %q", got)
	}
	if l := For("ja"); l.Lang != "en" || l.Contents != "Contents" {
		t.Errorf("ja falls back to %+v", l)
	}
	if got := For("ru").GuideTitle("Преступление и наказание"); got != "Преступление и наказание — Учебное пособие" {
		t.Errorf("ru guide title = %q", got)
	}
	if got := For("el-GR").Contents; got != "Περιεχόμενα" {
		t.Errorf("el-GR contents = %q", got)
	}
	if got := For("en").GuideTitle("Hamlet"); got != "Hamlet — A Study Guide" {
		t.Errorf("en guide title = %q", got)
	}
	if Has("ja") || !Has("de-AT") {
		t.Error("Has")
	}
}
