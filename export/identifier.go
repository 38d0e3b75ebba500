package export

import (
	"crypto/sha1"
	"fmt"
	"strings"
	"unicode"

	"github.com/guidepress/guidepress/content"
	"golang.org/x/text/unicode/norm"
)

// namespace is the UUID namespace of guidepress identifiers (itself a v5
// UUID of "guidepress" in the URL namespace), fixed forever: changing it
// would make every reader treat rebuilt guides as new books.
var namespace = [16]byte{0x6b, 0x0c, 0x2f, 0x57, 0x93, 0x4e, 0x5a, 0x1b, 0x8f, 0x61, 0x2d, 0x4c, 0x0e, 0x73, 0x9a, 0x12}

// Identifier returns a urn:uuid (RFC 9562 version 5) derived from the book's
// title and author and the guide's title. It is stable across rebuilds and
// edits of the body, so an updated guide replaces the old copy on a device,
// and it ignores case, accents' composition and spacing differences.
func Identifier(g *content.Guide) string {
	key := strings.Join([]string{canon(g.Book.Title), canon(g.Book.Author), canon(g.Title)}, "\x1f")
	h := sha1.New()
	h.Write(namespace[:])
	h.Write([]byte(key))
	sum := h.Sum(nil)
	var u [16]byte
	copy(u[:], sum)
	u[6] = (u[6] & 0x0f) | 0x50 // version 5
	u[8] = (u[8] & 0x3f) | 0x80 // RFC 4122 variant
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

func canon(s string) string {
	s = norm.NFC.String(s)
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), unicode.IsSpace), " ")
}
