package vocab

import (
	"strings"

	"github.com/guidepress/guidepress/internal/lazyre"
)

// creditRE: a line that credits the guide's own author, "Prepared by Mrs.
// Alvarez", "Study guide by Ms. Lee", "Teacher: Mr. Okafor", "Compiled by:
// the English Department", and in the other languages of the vocabulary
// ("Elaborado por", "Préparé par", "Erstellt von", "A cura di").
var creditRE = lazyre.New(`(?i)^(?:(?:(?:study |reading )?guide|notes|handout|worksheet|questions|guía|guia|fiche|dossier|scheda)\s+)?(?:(?:(?:prepared|compiled|created|designed|adapted|edited|made)\s+by|guide\s+by|study\s+guide\s+by|elaborad[oa]\s+por|preparad[oa]\s+por|realizad[oa]\s+por|hecho\s+por|organizad[oa]\s+por|préparée?\s+par|réalisée?\s+par|rédigée?\s+par|conçue?\s+par|erstellt\s+von|zusammengestellt\s+von|verfasst\s+von|a\s+cura\s+di|preparat[oa]\s+da|realizzat[oa]\s+da)\s*:?|(?:teacher|instructor|profesora?|professeure?|lehrer(?:in)?|docente|professora?|учитель(?:ница)?|преподаватель|вчитель(?:ка)?|εκπαιδευτικός|καθηγητής|καθηγήτρια)\s*:)\s+(\S.{0,78})$`)

// GuideCredit reads a line that credits the guide's own author (not the
// book's: "by Jane Austen" is ByLine's) and returns the name as written:
// "Prepared by Mrs. Alvarez" is "Mrs. Alvarez". Catalogue metadata gives
// it to the guide (dc:creator), never to the novelist.
func GuideCredit(s string) (name string, ok bool) {
	if len(s) > 120 || strings.HasSuffix(s, "?") {
		return "", false
	}
	m := creditRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	name = strings.TrimRight(strings.TrimSpace(m[1]), ".")
	if name == "" || strings.Count(name, " ") > 8 {
		return "", false
	}
	return name, true
}
