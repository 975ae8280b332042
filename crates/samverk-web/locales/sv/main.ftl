## Layout
site-description = samverk: en offentlig organisations planer och mål, och de partnerskap, nätverk, avtal och projekt som tjänar dem.
skip-to-content = Hoppa till huvudinnehållet
nav-label = Huvudmeny
nav-plans = Planer
nav-engagements = Engagemang
nav-organisations = Organisationer
nav-decisions = Beslut
nav-check = Bidragskontroll
footer-text = samverk – partnerskap, nätverk och internationell samverkan, följt upp.
lang-switch-label = Språk
text-in-language-nb = (på norska)
text-in-language-sv = (på svenska)
text-in-language-en = (på engelska)
text-in-language-other = (på språket { $code })
text-written-in-nb = Skrivet på norska (bokmål)
text-written-in-sv = Skrivet på svenska
text-written-in-en = Skrivet på engelska
text-written-in-other = Skrivet på språket { $code }

## Common words
required = obligatoriskt
not-set = inte angivet
period-unknown = period inte angiven
period-from = från { $start }
period-until = till { $end }
save = Spara
cancel = Avbryt
edit = Ändra
delete = Ta bort
add = Lägg till
search = Sök
apply-filters = Använd filtren
clear-filters = Rensa filtren
any = Alla
none-selected = (ingen)
previous-page = Föregående
next-page = Nästa
page-of = Sida { $page } av { $pages }
pagination-label = Sidor
no = Nej
yes = Ja
confirm-delete = Ta bort permanent

## Errors
error-not_found-title = Sidan hittades inte
error-not_found-text = Det finns inget på den här adressen. Sidan kan ha tagits bort, eller så är länken fel.
error-invalid_input-title = Uppgifterna kunde inte sparas
error-invalid_input-text = Några fält behöver rättas; inget har sparats.
error-in_use-title = Används fortfarande
error-in_use-text = Andra poster hänvisar fortfarande till den här, så den kan inte tas bort. Ta bort de hänvisningarna först.
error-bad_request-title = Felaktig begäran
error-bad_request-text = Begäran kunde inte tolkas.
error-internal-title = Något gick fel
error-internal-text = Felet har loggats. Inget har sparats. Försök igen senare.
error-back-home = Tillbaka till startsidan
form-has-errors = Rätta följande

## Problems with a field
problem-required = Fältet är obligatoriskt.
problem-too-long = Texten är längre än { $max } tecken.
problem-invalid-date = Inget giltigt datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2020-03-31.
problem-end-before-start = Slutdatumet är före startdatumet.
problem-invalid-format = Fel format: { $expected } förväntades.
problem-unknown-value = Inget tillåtet värde. Tillåtna: { $allowed }.
problem-unknown-reference = Det valda finns inte.
problem-duplicate = Detta är redan registrerat.
problem-other-authority = Detta tillhör en annan myndighet.
problem-cycle = Då skulle posten bli överordnad sig själv.
problem-rule = { $rule }
problem-contribution-rule = ”{ $engagement }” kan inte vara aktivt utan att bidra till ett huvudmål: allt nätverksarbete ska bidra till ett eller flera huvudmål i en gällande plan. Lägg först till ett bidrag till ett mål.
problem-ambiguous = Mer än en organisation i registret passar med det du skrev. Välj en av dem nedan.
problem-not-in-register = Ingen organisation i registret passar med det du skrev. Kontrollera stavningen, välj ett av de liknande namnen nedan eller registrera organisationen först.

## Field labels
field-input = Synpunkter
field-owner_id = Myndighet
field-title = Titel
field-description = Beskrivning
field-kind = Typ
field-status = Status
field-start = Startdatum
field-end = Slutdatum
field-parent_id = Del av
field-decision_id = Beslut
field-organisation_id = Organisation
field-role = Roll
field-goal_id = Mål
field-how = Hur det bidrar
field-name = Namn
field-name_nb = Namn (norska, bokmål)
field-name_sv = Namn (svenska)
field-name_en = Namn (engelska)
field-country = Land
field-region = Region (län eller fylke)
field-org_number = Organisationsnummer
field-region_code = Läns- eller kommunkod
field-scb_code = SCB-kod
field-nuts_code = NUTS-kod
field-valid_from = Giltig från
field-valid_to = Giltig till
field-predecessor_id = Föregångare
field-date = Datum
field-body = Beslutande organ
field-case_number = Diarienummer
field-url = Länk
field-plan_id = Plan
field-focus_area_id = Fokusområde
field-period_start = Periodens början
field-period_end = Periodens slut
field-beneficiary = Vem det gagnar
field-sdgs = FN:s globala mål för hållbar utveckling (t.ex. 13, 13.2)
field-q = Söktext
field-org = Deltagare (namn)
field-year = År
field-sort = Sortera efter

## Engagement kinds
engagement-kind-membership = Medlemskap
engagement-kind-bilateral_agreement = Bilateralt avtal
engagement-kind-twin_town = Vänort
engagement-kind-partnership = Partnerskap
engagement-kind-network = Nätverk
engagement-kind-thematic_network = Tematiskt nätverk
engagement-kind-eu_project = EU-finansierat projekt
engagement-kind-pre_project = Förstudie
engagement-kind-exchange = Utbyte eller besök
engagement-kind-political_network = Politiskt nätverk
engagement-kind-meeting_place = Mötesplats
engagement-kinds-membership = Medlemskap
engagement-kinds-bilateral_agreement = Bilaterala avtal
engagement-kinds-twin_town = Vänorter
engagement-kinds-partnership = Partnerskap
engagement-kinds-network = Nätverk
engagement-kinds-thematic_network = Tematiska nätverk
engagement-kinds-eu_project = EU-finansierade projekt
engagement-kinds-pre_project = Förstudier
engagement-kinds-exchange = Utbyten och besök
engagement-kinds-political_network = Politiska nätverk
engagement-kinds-meeting_place = Mötesplatser

## Engagement statuses
engagement-status-proposed = Föreslaget
engagement-status-active = Aktivt
engagement-status-paused = Vilande
engagement-status-ended = Avslutat

## Roles
role-member = Medlem
role-observer = Observatör
role-host = Värd
role-coordinator = Samordnare
role-lead_partner = Huvudpartner
role-partner = Partner
role-associated_partner = Associerad partner
role-supporter = Stödjande part
role-secretariat = Sekretariat
role-counterpart = Motpart
roles-member = Medlemmar
roles-observer = Observatörer
roles-host = Värdar
roles-coordinator = Samordnare
roles-lead_partner = Huvudpartner
roles-partner = Partner
roles-associated_partner = Associerade partner
roles-supporter = Stödjande parter
roles-secretariat = Sekretariat
roles-counterpart = Motparter

## Organisation kinds
organisation-kind-county = Fylkeskommun (län)
organisation-kind-region = Region
organisation-kind-municipality = Kommun
organisation-kind-state_agency = Statlig myndighet
organisation-kind-university = Universitet eller högskola
organisation-kind-research_institute = Forskningsinstitut
organisation-kind-business_association = Näringslivsorganisation
organisation-kind-trade_union = Fackförbund
organisation-kind-company = Företag
organisation-kind-ngo = Ideell organisation
organisation-kind-foreign_region = Utländsk region eller stad
organisation-kind-international_organisation = Internationell organisation
organisation-kind-network_office = Nätverkskontor
organisation-kind-other = Annat

## Plans
plan-kind-strategy = Strategi
plan-kind-plan = Plan
plan-kind-policy = Policy
plan-status-draft = Utkast
plan-status-adopted = Antagen
plan-status-expired = Upphört att gälla
beneficiary-region = Regionen
beneficiary-organisation = Organisationen
beneficiary-citizens = Invånarna

## Months
month-1 = januari
month-2 = februari
month-3 = mars
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = augusti
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
