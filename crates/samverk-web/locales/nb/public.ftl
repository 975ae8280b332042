## Public pages (/p, /p/<authority>, /p/<authority>/plans/<id>)
public-index-title = Offentlige sider
public-index-intro = Hva hver myndighet deltar i og hvorfor: nettverk, partnerskap, medlemskap, avtaler, vennskapsbyer og EU-prosjekter, med målene de tjener og vedtakene bak dem.
public-index-empty = Ingen myndighet har publisert noe ennå.
public-engagement-count = { $count ->
    [0] ingen publiserte engasjementer
    [one] ett publisert engasjement
   *[other] { $count } publiserte engasjementer
}
public-plan-count = { $count ->
    [0] ingen publiserte planer
    [one] én publisert plan
   *[other] { $count } publiserte planer
}
public-portfolio-title = hva vi deltar i og hvorfor
public-portfolio-description = Nettverkene, partnerskapene, medlemskapene, avtalene og prosjektene { $authority } deltar i, målene hvert av dem tjener, og hvem som vedtok det.
public-portfolio-empty = Ingenting er publisert ennå.
public-contents = Innhold
public-by-kind = Etter type
public-by-goal = Etter mål
public-purpose = Formål – målene det tjener og hvordan:
public-plan-description = En plan for { $authority } med mål og hva som bidrar til dem.
public-goals-and-contributions = Mål og hva som bidrar til dem

## Publishing (staff)
public-published = Publisert på de offentlige sidene
public-not-published = Ikke publisert på de offentlige sidene
public-publish = Publiser
public-withdraw = Trekk tilbake fra de offentlige sidene
public-edit-texts = Tittel og beskrivelse på andre språk
public-texts-title = Språk for { $title }
public-texts-intro = Språket tekstene er skrevet på (originalen), og ordlyden på de andre språkene. En offentlig side viser besøkerens språk når teksten finnes, ellers originalen med en merknad om språket. En tom tittel fjerner det språket.
field-language = Originalspråk
field-title_nb = Tittel (norsk bokmål)
field-description_nb = Beskrivelse (norsk bokmål)
field-title_sv = Tittel (svensk)
field-description_sv = Beskrivelse (svensk)
field-title_en = Tittel (engelsk)
field-description_en = Beskrivelse (engelsk)

## Accessibility statement (/accessibility)
accessibility-title = Tilgjengelighetserklæring
accessibility-intro = Denne erklæringen gjelder nettsidene til samverk, både de offentlige sidene og sidene for ansatte. Offentlige virksomheter i Norge og Sverige skal oppfylle WCAG 2.1 nivå AA, og det er målet for hver side.
accessibility-status-heading = Hvor tilgjengelige sidene er
accessibility-status = Hver side testes automatisk mot WCAG 2.1 nivå A og AA (axe-core i en ekte nettleser) på alle tre språk, og ingen side har kjente brudd på disse kravene.
accessibility-how-heading = Hva vi gjør
accessibility-how-axe = Alle sider som kan nås fra forsiden, og alle skjemaer med og uten feil, kontrolleres med axe-core før hver ny versjon.
accessibility-how-keyboard = Alt fungerer med bare tastatur: en hopp-lenke fører til innholdet, og fokus er alltid synlig.
accessibility-how-nojs = Sidene og skjemaene fungerer uten JavaScript; feil i et skjema listes øverst, lenket til feltene, og vises ved hvert felt.
accessibility-how-languages = Sidene finnes på norsk bokmål, svensk og engelsk; tekster som vises på et annet språk enn siden, er merket med språket.
accessibility-known-heading = Kjente begrensninger
accessibility-known = Automatiske tester finner bare en del av problemene folk møter. Tekster som myndighetene skriver selv (titler, beskrivelser), finnes ikke nødvendigvis på alle språk. Si fra om noe som hindrer deg.
accessibility-feedback-heading = Tilbakemelding
accessibility-feedback = Hvis noe på disse sidene er vanskelig å bruke, eller du trenger innholdet i en annen form, kontakt myndigheten som publiserte det; vi svarer innen to uker.
accessibility-enforcement-heading = Tilsyn
accessibility-enforcement = I Norge fører Tilsynet for universell utforming av ikt (Uu-tilsynet) tilsyn med offentlige nettsteder, i Sverige Myndigheten för digital förvaltning (DIGG). Du kan klage til dem hvis du ikke er fornøyd med svaret vårt.

## The portfolio summary and the paged list (/p/<authority>/engagements)
public-by-status = Etter status
public-kind-all = { $kind }: se alle { $count }
public-shown-first = De { $shown } første av { $count }, etter tittel:
public-goal-all = { $count ->
    [one] Se engasjementet som bidrar til dette målet
   *[other] Se alle { $count } engasjementer som bidrar til dette målet
}
public-all-engagements = Alle publiserte engasjementer, med filtre
public-engagements-title = Publiserte engasjementer
public-engagements-description = Engasjementene { $authority } har publisert, filtrert etter type, status og mål.
public-engagement-description = Et engasjement i { $authority }: hva det er, hvem som deltar, vedtaket og målene det tjener.
public-filters = Filtrer engasjementene
public-engagements-empty = Ingen publiserte engasjementer passer med disse filtrene.
public-representatives = Representanter
field-lead_nb = Ingress (norsk bokmål)
field-body_nb = Tekst (norsk bokmål)
field-lead_sv = Ingress (svensk)
field-body_sv = Tekst (svensk)
field-lead_en = Ingress (engelsk)
field-body_en = Tekst (engelsk)
