## Public pages (/p, /p/<authority>, /p/<authority>/plans/<id>)
public-index-title = Offentliga sidor
public-index-intro = Vad varje myndighet deltar i och varför: nätverk, partnerskap, medlemskap, avtal, vänorter och EU-projekt, med de mål de tjänar och besluten bakom dem.
public-index-empty = Ingen myndighet har publicerat något ännu.
public-engagement-count = { $count ->
    [0] inga publicerade engagemang
    [one] ett publicerat engagemang
   *[other] { $count } publicerade engagemang
}
public-plan-count = { $count ->
    [0] inga publicerade planer
    [one] en publicerad plan
   *[other] { $count } publicerade planer
}
public-portfolio-title = vad vi deltar i och varför
public-portfolio-description = De nätverk, partnerskap, medlemskap, avtal och projekt som { $authority } deltar i, de mål vart och ett tjänar, och vem som beslutade om det.
public-portfolio-empty = Inget har publicerats ännu.
public-contents = Innehåll
public-by-kind = Efter typ
public-by-goal = Efter mål
public-purpose = Syfte – de mål det tjänar och hur:
public-plan-description = En plan för { $authority } med dess mål och vad som bidrar till dem.
public-goals-and-contributions = Mål och vad som bidrar till dem

## Publishing (staff)
public-published = Publicerat på de offentliga sidorna
public-not-published = Inte publicerat på de offentliga sidorna
public-publish = Publicera
public-withdraw = Dra tillbaka från de offentliga sidorna
public-edit-texts = Titel och beskrivning på andra språk
public-texts-title = Språk för { $title }
public-texts-intro = Språket texterna är skrivna på (originalet), och lydelsen på de andra språken. En offentlig sida visar besökarens språk när texten finns, annars originalet med en notering om språket. En tom titel tar bort det språket.
field-language = Originalspråk
field-title_nb = Titel (norska, bokmål)
field-description_nb = Beskrivning (norska, bokmål)
field-title_sv = Titel (svenska)
field-description_sv = Beskrivning (svenska)
field-title_en = Titel (engelska)
field-description_en = Beskrivning (engelska)

## Accessibility statement (/accessibility)
accessibility-title = Tillgänglighetsredogörelse
accessibility-intro = Den här redogörelsen gäller samverks webbsidor, både de offentliga sidorna och sidorna för personal. Offentliga aktörer i Norge och Sverige ska uppfylla WCAG 2.1 nivå AA, och det är målet för varje sida.
accessibility-status-heading = Hur tillgängliga sidorna är
accessibility-status = Varje sida testas automatiskt mot WCAG 2.1 nivå A och AA (axe-core i en riktig webbläsare) på alla tre språken, och ingen sida har kända brister mot dessa krav.
accessibility-how-heading = Vad vi gör
accessibility-how-axe = Alla sidor som nås från startsidan, och alla formulär med och utan fel, kontrolleras med axe-core före varje ny version.
accessibility-how-keyboard = Allt fungerar med enbart tangentbord: en hopplänk leder till innehållet, och fokus syns alltid.
accessibility-how-nojs = Sidorna och formulären fungerar utan JavaScript; fel i ett formulär listas överst, länkade till fälten, och visas vid varje fält.
accessibility-how-languages = Sidorna finns på norska (bokmål), svenska och engelska; texter som visas på ett annat språk än sidan är märkta med språket.
accessibility-known-heading = Kända brister
accessibility-known = Automatiska tester hittar bara en del av de problem människor möter. Texter som myndigheterna själva skriver (titlar, beskrivningar) finns inte alltid på alla språk. Berätta för oss om något hindrar dig.
accessibility-feedback-heading = Återkoppling
accessibility-feedback = Om något på sidorna är svårt att använda, eller om du behöver innehållet i en annan form, kontakta den myndighet som publicerade det; vi svarar inom två veckor.
accessibility-enforcement-heading = Tillsyn
accessibility-enforcement = I Sverige är det Myndigheten för digital förvaltning (DIGG) som har tillsyn över offentliga webbplatser, i Norge Tilsynet for universell utforming av ikt (Uu-tilsynet). Du kan anmäla till dem om du inte är nöjd med vårt svar.

## The portfolio summary and the paged list (/p/<authority>/engagements)
public-by-status = Efter status
public-kind-all = { $kind }: se alla { $count }
public-shown-first = De { $shown } första av { $count }, efter titel:
public-goal-all = { $count ->
    [one] Se engagemanget som bidrar till detta mål
   *[other] Se alla { $count } engagemang som bidrar till detta mål
}
public-all-engagements = Alla publicerade engagemang, med filter
public-engagements-title = Publicerade engagemang
public-engagements-description = De engagemang { $authority } har publicerat, filtrerade efter typ, status och mål.
public-engagement-description = Ett engagemang hos { $authority }: vad det är, vilka som deltar, beslutet och målen det tjänar.
public-filters = Filtrera engagemangen
public-engagements-empty = Inga publicerade engagemang matchar dessa filter.
public-representatives = Företrädare
field-lead_nb = Ingress (norska, bokmål)
field-body_nb = Text (norska, bokmål)
field-lead_sv = Ingress (svenska)
field-body_sv = Text (svenska)
field-lead_en = Ingress (engelska)
field-body_en = Text (engelska)
