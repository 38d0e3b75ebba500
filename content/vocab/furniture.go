package vocab

import (
	"strconv"
	"strings"
	"sync"

	"github.com/guidepress/guidepress/internal/lazyre"
)

// Furniture kinds: the web-page furniture copied along with a guide pasted
// from a study site. Each is a whole line that carries no content.
const (
	Navigation    = "navigation line"
	Advertisement = "advertisement label"
	ContinueLine  = "\"continue reading\" line"
	StudyBreak    = "\"take a study break\" line"
	SectionLink   = "previous/next section link"
	ShareLine     = "share or print button"
	CookieNotice  = "cookie notice"
	PageNumber    = "page-number line"
	SignUp        = "sign-up or newsletter line"
	Feedback      = "\"was this helpful\" prompt"
	Footer        = "copyright or legal-link footer line"
	// FormLine is a handout's blanks for the pupil to fill in, "Name:
	// ________  Date: ______": not text of the guide.
	FormLine = "name-and-date line"
)

type furniture struct {
	re   *lazyre.Regexp
	kind string
}

// yesNo: the answers under a "was this helpful" prompt.
const yesNo = `(?:(?:yes|s[ií]|oui|ja|sim)\s*[/|·]?\s*(?:no|non|nein|não)|👍\s*👎)`

// furnitureList is tried in order; an expression is compiled when a line
// first needs it (most builds need few: furnitureStart turns most lines
// away).
var furnitureList = []furniture{
	{lazyre.New(`(?i)` + `^(?:advertisements?|ad|ads|sponsored(?: content| links?)?|publicidad|anuncio|publicité|annonce|werbung|anzeige|pubblicità|publicidade|anúncio)$`), Advertisement},
	{lazyre.New(`(?i)` + `^(?:continue reading(?: below)?|(?:story|article|text) continues below|scroll (?:down )?to continue|continúa leyendo(?: abajo)?|sigue leyendo|la suite (?:ci-dessous|après la publicité)|lire la suite|weiterlesen|weiter unten lesen|continua a leggere|continue lendo|continua depois da publicidade)$`), ContinueLine},
	{lazyre.New(`(?i)` + `^take a study break$`), StudyBreak},
	{lazyre.New(`(?i)` + `^(?:advertisements?|ad)\s*[-–—:|]?\s*(?:continue reading(?: below)?|story continues below)$`), ContinueLine},
	{lazyre.New(`(?i)` + `^(?:story|article) continues (?:below|after) (?:this )?advertisement$`), ContinueLine},
	{lazyre.New(`(?i)` + `^(?:skip to (?:main )?content|jump to (?:navigation|content|main content)|back to top|scroll to top|read more|related (?:articles|posts|guides|study guides|content|reading)|you might also like|recommended for you|loading\.*|log in to (?:continue|read more)|ir al contenido|aller au contenu|zum inhalt springen|vai al contenuto|ir para o conteúdo)$`), Navigation},
	{lazyre.New(`(?i)` + `^(?:(?:previous|prev|next)\s+(?:section|page|chapter|part|article)|(?:sección|capítulo|página) (?:anterior|siguiente)|(?:siguiente|próxima|próximo) (?:sección|seção|capítulo|página)|(?:section|page|chapitre) (?:précédente?|suivante?)|(?:vorheriger|nächster) (?:abschnitt|kapitel)|(?:vorherige|nächste) seite|(?:sezione|pagina|capitolo) (?:precedente|successiva|successivo)|(?:seção|página) anterior)(?:\s*[:|»›>→←«‹<–—-].*)?$`), SectionLink},
	// "Previous: Themes | Next: Chapters 10–14": both links on one line.
	{lazyre.New(`(?i)` + `^[«‹<←]?\s*(?:previous|prev|anterior|précédent|zurück|vorherige[rs]?|precedente)\b[^|·•/]{0,80}[|·•/]\s*(?:next|siguiente|suivant|weiter|nächste[rs]?|successivo|próximo)\b.{0,80}$`), SectionLink},
	{lazyre.New(`(?i)` + `^(?:[«‹<←]\s*(?:previous|prev|back|anterior|précédent|zurück|precedente)|(?:next|continue|siguiente|suivant|weiter|successivo|próximo)\s*[»›>→])$`), SectionLink},
	// "Next: "A Case of Identity" Summary →", "← Previous: Chapter 3": a
	// link labelled and pointing, the page it names after the label.
	{lazyre.New(`(?i)` + `^(?:(?:next|up next|siguiente|suivant|weiter|successivo|próximo)\s*:\s*.{1,80}?\s*[»›>→]|[«‹<←]\s*(?:previous|prev|anterior|précédent|zurück|precedente)\s*:\s*.{1,80})$`), SectionLink},
	{lazyre.New(`(?i)` + `^(?:share(?: this)?(?: (?:article|page|guide|post))?|tweet(?: this)?|pin it|email this(?: page)?|print(?: this)?(?: page| guide| article)?|copy link|download (?:this )?(?:study guide |guide )?(?:as )?pdf|download pdf|cite this (?:page|article|guide)|compartir|partager|teilen|condividi|compartilhar|imprimir|imprimer|drucken|stampa)$`), ShareLine},
	{lazyre.New(`(?i)` + `^(?:share|compartir|partager|teilen|condividi|compartilhar)?\s*:?\s*(?:(?:facebook|twitter|x|pinterest|linkedin|whatsapp|reddit|email|e-mail|tumblr)\s*[,|·•/]?\s*){2,}$`), ShareLine},
	{lazyre.New(`(?i)` + `^share (?:on|via) (?:facebook|twitter|x|pinterest|linkedin|whatsapp|reddit|email)$`), ShareLine},
	{lazyre.New(`(?i)` + `(?:\b(?:we|this (?:site|website)) uses? cookies\b|^(?:accept|reject|allow|manage|decline)\b.{0,25}\bcookies?\b|\bcookie (?:policy|settings|preferences|consent)\b|utilizamos cookies|usamos cookies|nous utilisons des cookies|wir verwenden cookies|utilizziamo (?:i )?cookie|utilizamos cookies)`), CookieNotice},
	{lazyre.New(`(?i)` + `^(?:accept all|reject all|manage preferences|accept and close)$`), CookieNotice},
	{lazyre.New(`(?i)` + `^(?:page|p\.|pg\.?|página|pagina|seite|s\.)\s*\d{1,4}(?:\s*(?:of|/|de|sur|von|di)\s*\d{1,4})?$`), PageNumber},
	{lazyre.New(`(?i)` + `^[-–—]\s*\d{1,4}\s*[-–—]$`), PageNumber},
	{lazyre.New(`(?i)` + `^(?:sign in|sign up|log in|login|register|subscribe(?: now)?|(?:subscribe to|join|sign up for) (?:our|the) newsletter|create (?:a )?free account|suscríbete|abonnez-vous|jetzt abonnieren|iscriviti|inscreva-se)$`), SignUp},
	{lazyre.New(`(?i)` + `^(?:(?:was this (?:page |guide |article |answer |summary |section |information )?(?:helpful|useful)\s*\??|did you find this (?:page |guide |article |summary )?(?:helpful|useful)\s*\??|rate this (?:page|guide|article|summary)|¿?(?:te )?(?:ha )?(?:sido|resultado|fue) útil(?: esta página)?\s*\?|cette page (?:vous )?a-t-elle été utile\s*\?|war (?:diese seite|dieser artikel|das) hilfreich\s*\?|(?:questa pagina )?(?:ti )?è stata utile\s*\?|(?:esta página|este artigo) foi útil\s*\?)(?:\s*` + yesNo + `)?|` + yesNo + `)$`), Feedback},
	{lazyre.New(`(?i)` + `^(?:(?:privacy(?: policy| notice)?|terms(?: of (?:use|service))?|terms (?:and|&) conditions|contact(?: us)?|about(?: us)?|site ?map|accessibility|cookie policy|help|careers|advertise(?: with us)?|do not sell my (?:personal )?information|aviso legal|política de (?:privacidad|privacidade|cookies)|términos(?: y condiciones| de uso)?|mentions légales|politique de confidentialité|datenschutz(?:erklärung)?|impressum|agb|informativa sulla privacy|termini di (?:uso|servizio)|termos de uso)\s*[|·•/]\s*)+(?:privacy(?: policy| notice)?|terms(?: of (?:use|service))?|terms (?:and|&) conditions|contact(?: us)?|about(?: us)?|site ?map|accessibility|cookie policy|help|careers|advertise(?: with us)?|do not sell my (?:personal )?information|aviso legal|política de (?:privacidad|privacidade|cookies)|términos(?: y condiciones| de uso)?|mentions légales|politique de confidentialité|datenschutz(?:erklärung)?|impressum|agb|informativa sulla privacy|termini di (?:uso|servizio)|termos de uso)$`), Footer},
	{lazyre.New(`(?i)` + `^(?:privacy policy|terms of (?:use|service)|terms (?:and|&) conditions|política de privacidad|mentions légales|politique de confidentialité|datenschutzerklärung|impressum|informativa sulla privacy|política de privacidade)$`), Footer},
	{lazyre.New(`(?i)` + `^(?:share (?:on|via) (?:facebook|twitter|x|pinterest|linkedin|whatsapp|reddit|email)\s*[,|·•/]?\s*){2,}$`), ShareLine},
	{lazyre.New(`(?i)` + `^(?:(?:name|date|class|period|teacher|group|score|nombre|fecha|clase|curso|nom|prénom|classe|datum|klasse|nome|data|turma)\s*:?\s*_{3,}\s*)+$`), FormLine},
}

var (
	// copyrightRE and rightsRE: "© 2024 StudyNotes. All rights reserved."
	copyrightRE  = lazyre.Hot(`(?i)^(?:©|\(c\)|copyright\b)`)
	rightsRE     = lazyre.New(`(?i)(?:\b(?:1[89]|20)\d{2}\b|all rights reserved|todos los derechos|tous droits|alle rechte|tutti i diritti|todos os direitos)`)
	breadcrumbRE = lazyre.New(`^[^›»>|]{1,40}(?:\s+[›»>|/]\s+[^›»>|]{1,40}){2,}$`)
)

// Reading time, in the phrasings of every language: a label then the
// minutes ("Reading time: about 15 minutes", "Lesezeit: 5 Min."), or
// the minutes then a phrase ("15-minute read", "15 min de lectura").
const (
	readApprox = `(?:about|approx\.?|approximately|around|roughly|~|ca\.?|circa|environ|unos|aprox\.?|aproximadamente|etwa|cerca de|cerca di|circa)?\s*`
	readUnit   = `(?:min|mins|minutes?|minutos?|minuten|minuti|m)\.?`
	readIcon   = `^(?:[⏱🕐🕑⌚📖🕒⏲]\x{FE0F}?\s*)?`
	readLabel  = `(?:(?:estimated |average )?reading time|read time|time to read|(?:tiempo (?:estimado )?de )?lectura|temps de lecture|durée de lecture|lecture|lesezeit|lesedauer|(?:tempo (?:di |de ))?(?:lettura|leitura))(?:\s+(?:de|di))?`
	readPhrase = `(?:read|reading|to read|reading time|de lectura|de lecture|lesezeit|di lettura|de leitura)`
)

var readingRE = []*lazyre.Regexp{
	lazyre.New(`(?i)` + readIcon + readLabel + `\s*[:：\-–—]?\s*` + readApprox + `(\d{1,4})\s*` + readUnit + `$`),
	lazyre.New(`(?i)` + readIcon + readApprox + `(\d{1,4})[\s-]*` + readUnit + `(?:\s+` + readPhrase + `)?$`),
}

// Furniture says whether a trimmed line is web-page furniture and which
// kind ("" when it is not). It answers yes only when certain: the whole
// line must be the button, label or link, never a sentence that mentions
// one.
func Furniture(line string) string {
	n := len(line)
	if n == 0 || n > 200 {
		return ""
	}
	const trimmed = " \t-–—*•·|[]()"
	s := strings.Trim(line, trimmed)
	if s == "" {
		return ""
	}
	// A bracket trimmed off must enclose the label ("[Ad]",
	// "(Advertisement)"); one opening after it or closing before it
	// belongs to other text ("Ad ()", the two lines "Ad" and "()" of a
	// paragraph written as one, is text, as the lines were).
	if strings.ContainsAny(line[len(strings.TrimRight(line, trimmed)):], "([") ||
		strings.ContainsAny(line[:len(line)-len(strings.TrimLeft(line, trimmed))], ")]") {
		return ""
	}
	if (s[0] == 0xc2 || s[0] == '(' || s[0]|0x20 == 'c') && len(s) <= 120 && copyrightRE.MatchString(s) && rightsRE.MatchString(s) {
		return Footer // "© 2024 StudyNotes. All rights reserved."
	}
	sentence := strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "p.") && !strings.HasSuffix(s, "s.")
	cookie := strings.Contains(s, "ookie") || strings.Contains(s, "OOKIE")
	if !cookie && (sentence || len(s) > 90) {
		return "" // only a cookie notice is a sentence or this long
	}
	if !cookie && !furnitureStart(s) {
		return breadcrumbOrNot(line)
	}
	for _, f := range furnitureList {
		if f.kind == CookieNotice && !cookie && len(s) > 20 {
			continue
		}
		if f.kind == PageNumber || f.kind == SectionLink && strings.HasPrefix(line, "-") {
			if f.re.MatchString(line) {
				return f.kind
			}
		}
		if f.re.MatchString(s) {
			return f.kind
		}
	}
	if breadcrumb(line) {
		return Navigation
	}
	return ""
}

func breadcrumbOrNot(line string) string {
	if breadcrumb(line) {
		return Navigation
	}
	return ""
}

// furnitureStarts are the first words (lower case) a furniture line can
// start with; any other line is not tried against the expressions. Made
// on first use: a process that reads no plain text never needs it.
var furnitureStarts = sync.OnceValue(func() map[string]bool {
	starts := map[string]bool{}
	for _, w := range strings.Fields(`advertisement advertisements ad ads sponsored publicidad anuncio publicité annonce werbung anzeige pubblicità publicidade anúncio
		continue story article text scroll skip jump back read related you recommended loading ir aller zum vai continúa sigue la lire weiterlesen weiter continua take
		previous prev next sección capítulo página siguiente próxima próximo section page chapitre vorheriger nächster vorherige nächste sezione pagina capitolo seção « ‹ < ←
		share tweet pin email print copy download cite compartir partager teilen condividi compartilhar imprimir imprimer drucken stampa facebook twitter x pinterest linkedin whatsapp reddit e-mail tumblr
		accept reject allow manage decline was did rate yes sí si oui ja sim 👍 ¿te ¿ha ¿fue te ha fue cette war questa ti è esta este
		privacy terms contact about sitemap site accessibility cookie help careers advertise do aviso política términos mentions politique datenschutz datenschutzerklärung impressum agb informativa termini termos p. pg pg. seite s. sign log login register subscribe join create suscríbete abonnez-vous jetzt iscriviti inscreva-se suivant zurück precedente successivo précédent
		name date class period teacher group score nombre fecha clase curso nom prénom classe datum klasse nome data turma`) {
		starts[w] = true
	}
	return starts
})

func furnitureStart(s string) bool {
	if s[0] >= '0' && s[0] <= '9' {
		return true
	}
	w := s
	if i := strings.IndexAny(s, " :»›>→-"); i > 0 {
		w = s[:i]
	}
	if len(w) > 16 {
		return false
	}
	return furnitureStarts()[strings.ToLower(w)] || strings.ContainsAny(w, "«‹<←")
}

// breadcrumb: "Home › Literature › Jane Eyre › Summary", "Home | Study
// Guides | Contact": three or more short parts between the same separator,
// the first a home link or every part a few words.
func breadcrumb(s string) bool {
	if strings.IndexByte(s, '>') < 0 && strings.IndexByte(s, '|') < 0 && !strings.Contains(s, "›") && !strings.Contains(s, "»") || !breadcrumbRE.MatchString(s) {
		return false
	}
	var sep string
	for _, c := range []string{" › ", " » ", " > ", " | ", " / "} {
		if strings.Count(s, c) >= 2 {
			sep = c
			break
		}
	}
	if sep == "" {
		return false
	}
	parts := strings.Split(s, sep)
	first := strings.ToLower(strings.TrimSpace(parts[0]))
	switch first {
	case "home", "inicio", "accueil", "startseite", "início", "start":
		return true
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || len(strings.Fields(p)) > 4 || strings.ContainsAny(p, ".,;:!?\"“”") {
			return false
		}
	}
	return sep != " / " && sep != " | " || len(parts) >= 4
}

// ReadingMinutes reads a reading-time line ("⏱ 12 min read", "Reading
// time: about 15 minutes", "15-minute read", "15 min", "8 min de lectura",
// "Lesezeit: 5 Min.") and returns the minutes.
func ReadingMinutes(line string) (int, bool) {
	if len(line) > 80 || !strings.ContainsAny(line, "0123456789") || !strings.ContainsAny(line, "mM") {
		// Every unit (readUnit) starts with an m, which (?i) matches as m
		// or M alone: a line with a number but no m ("Text 1234.", most
		// numbered lines) is no reading time, found without the two
		// expressions (0.5 µs a line).
		return 0, false
	}
	return readingByExpressions(line)
}

// readingByExpressions is ReadingMinutes by its expressions alone.
func readingByExpressions(line string) (int, bool) {
	for _, re := range readingRE {
		if m := re.FindStringSubmatch(line); m != nil {
			n, err := strconv.Atoi(m[1])
			if err != nil || n == 0 {
				return 0, false
			}
			return n, true
		}
	}
	return 0, false
}
