package vocab

import "github.com/guidepress/guidepress/content"

// addDutch adds the section names of Dutch study guides: a school's
// "leesdossier" or "lesbrief", a study site's "samenvatting" (a Max
// Havelaar handout's headings were read as sections of no role, its
// "Citaten" as a section rather than the quotes).
func addDutch() {
	add("nl", Quotes, "", "citaten", "belangrijke citaten", "bekende citaten", "sleutelcitaten", "citaten en uitleg", "belangrijke passages")
	add("nl", FAQ, "", "veelgestelde vragen", "vragen en antwoorden", "veel gestelde vragen")
	add("nl", Section, content.RoleSummary, "samenvatting", "samenvatting per hoofdstuk", "korte samenvatting", "inhoud", "verhaal", "samenvatting en analyse")
	add("nl", Section, content.RoleCharacters, "personages", "hoofdpersonen", "hoofdpersonages", "de personages", "personen", "karakters", "personagebeschrijving")
	add("nl", Section, content.RoleThemes, "thema's", "themas", "thema", "thema en motieven", "motieven", "thema's en motieven", "symbolen", "stijl")
	add("nl", Section, content.RoleAnalysis, "analyse", "interpretatie", "literaire analyse", "verhaalanalyse")
	add("nl", Section, content.RoleContext, "achtergrond", "historische achtergrond", "over de schrijver", "over de auteur", "context", "ontstaan")
	add("nl", Section, content.RoleKeyFacts, "gegevens", "boekgegevens", "kerngegevens", "in het kort")
	add("nl", Section, content.RoleVocabulary, "begrippen", "woordenlijst", "moeilijke woorden", "belangrijke begrippen", "literaire begrippen")
	add("nl", Section, content.RoleDiscussion, "vragen", "verwerkingsvragen", "leesvragen", "discussievragen", "vragen bij het boek", "opdrachten", "vragen en opdrachten")
	add("nl", Section, "", "antwoorden", "antwoordmodel", "antwoordsleutel", "uitwerkingen")
	add("nl", Section, content.RoleActivities, "voor het lezen", "na het lezen", "activiteiten")
	add("nl", Section, content.RoleTimeline, "tijdlijn", "chronologie")
	add("nl", Section, content.RoleFurtherReading, "verder lezen", "meer lezen", "literatuurlijst")
	add("nl", Section, "", "inleiding")
	// A school's book report ("boekverslag") ends with the pupil's view.
	add("nl", Section, "", "eigen mening", "mening", "persoonlijke mening", "mijn mening", "beoordeling")
}
