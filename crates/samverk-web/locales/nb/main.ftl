## Layout
site-description = samverk: en offentlig virksomhets planer og mål, og partnerskapene, nettverkene, avtalene og prosjektene som tjener dem.
skip-to-content = Hopp til hovedinnholdet
nav-label = Hovedmeny
nav-plans = Planer
nav-engagements = Engasjementer
nav-organisations = Organisasjoner
nav-decisions = Vedtak
nav-check = Bidragskontroll
footer-text = samverk – partnerskap, nettverk og internasjonalt samarbeid, fulgt opp.
lang-switch-label = Språk
text-in-language-nb = (på norsk bokmål)
text-in-language-sv = (på svensk)
text-in-language-en = (på engelsk)
text-in-language-other = (på språket { $code })
text-written-in-nb = Skrevet på norsk bokmål
text-written-in-sv = Skrevet på svensk
text-written-in-en = Skrevet på engelsk
text-written-in-other = Skrevet på språket { $code }

## Common words
required = må fylles ut
not-set = ikke satt
period-unknown = periode ikke oppgitt
period-from = fra { $start }
period-until = til { $end }
save = Lagre
cancel = Avbryt
edit = Endre
delete = Slett
add = Legg til
search = Søk
apply-filters = Bruk filtrene
clear-filters = Fjern filtrene
any = Alle
none-selected = (ingen)
previous-page = Forrige
next-page = Neste
page-of = Side { $page } av { $pages }
pagination-label = Sider
no = Nei
yes = Ja
confirm-delete = Slett for godt

## Errors
error-not_found-title = Fant ikke siden
error-not_found-text = Det finnes ingenting på denne adressen. Siden kan være slettet, eller lenken kan være feil.
error-invalid_input-title = Opplysningene kunne ikke lagres
error-invalid_input-text = Noen felt må rettes; ingenting er lagret.
error-in_use-title = Fortsatt i bruk
error-in_use-text = Andre registreringer viser fortsatt til denne, så den kan ikke slettes. Fjern disse henvisningene først.
error-bad_request-title = Ugyldig forespørsel
error-bad_request-text = Forespørselen kunne ikke forstås.
error-internal-title = Noe gikk galt
error-internal-text = Feilen er logget. Ingenting er lagret. Prøv igjen senere.
error-back-home = Tilbake til forsiden
form-has-errors = Rett opp følgende

## Problems with a field
problem-required = Dette feltet må fylles ut.
problem-too-long = Teksten er lengre enn { $max } tegn.
problem-invalid-date = Ikke en gyldig dato; skriv den som ÅÅÅÅ-MM-DD, f.eks. 2020-03-31.
problem-end-before-start = Sluttdatoen er før startdatoen.
problem-invalid-format = Feil format: forventet { $expected }.
problem-unknown-value = Ikke en tillatt verdi. Tillatt: { $allowed }.
problem-unknown-reference = Det valgte finnes ikke.
problem-duplicate = Dette er allerede registrert.
problem-other-authority = Dette tilhører en annen myndighet.
problem-cycle = Da ville registreringen blitt sin egen overordnede.
problem-rule = { $rule }
problem-contribution-rule = «{ $engagement }» kan ikke være aktivt uten å bidra til et hovedmål: alt nettverksarbeid skal bidra til ett eller flere hovedmål i en gjeldende plan. Legg først til et bidrag til et mål.
problem-ambiguous = Mer enn én organisasjon i registeret passer med det du skrev. Velg en av dem nedenfor.
problem-not-in-register = Ingen organisasjon i registeret passer med det du skrev. Sjekk stavemåten, velg et av de lignende navnene nedenfor, eller registrer organisasjonen først.

## Field labels
field-input = Innspill
field-owner_id = Myndighet
field-title = Tittel
field-description = Beskrivelse
field-kind = Type
field-status = Status
field-start = Startdato
field-end = Sluttdato
field-parent_id = Del av
field-decision_id = Vedtak
field-organisation_id = Organisasjon
field-role = Rolle
field-goal_id = Mål
field-how = Hvordan det bidrar
field-name = Navn
field-name_nb = Navn (norsk bokmål)
field-name_sv = Navn (svensk)
field-name_en = Navn (engelsk)
field-country = Land
field-region = Region (fylke eller län)
field-org_number = Organisasjonsnummer
field-region_code = Fylkes- eller kommunenummer
field-scb_code = SCB-kode
field-nuts_code = NUTS-kode
field-valid_from = Gyldig fra
field-valid_to = Gyldig til
field-predecessor_id = Forgjenger
field-date = Dato
field-body = Vedtaksorgan
field-case_number = Saksnummer
field-url = Lenke
field-plan_id = Plan
field-focus_area_id = Satsingsområde
field-period_start = Periodestart
field-period_end = Periodeslutt
field-beneficiary = Hvem det kommer til gode
field-sdgs = FNs bærekraftsmål (f.eks. 13, 13.2)
field-q = Søketekst
field-org = Deltaker (navn)
field-year = År
field-sort = Sorter etter

## Engagement kinds
engagement-kind-membership = Medlemskap
engagement-kind-bilateral_agreement = Bilateral avtale
engagement-kind-twin_town = Vennskapsby
engagement-kind-partnership = Partnerskap
engagement-kind-network = Nettverk
engagement-kind-thematic_network = Tematisk nettverk
engagement-kind-eu_project = EU-finansiert prosjekt
engagement-kind-pre_project = Forprosjekt
engagement-kind-exchange = Utveksling eller besøk
engagement-kind-political_network = Politisk nettverk
engagement-kind-meeting_place = Møteplass
engagement-kinds-membership = Medlemskap
engagement-kinds-bilateral_agreement = Bilaterale avtaler
engagement-kinds-twin_town = Vennskapsbyer
engagement-kinds-partnership = Partnerskap
engagement-kinds-network = Nettverk
engagement-kinds-thematic_network = Tematiske nettverk
engagement-kinds-eu_project = EU-finansierte prosjekter
engagement-kinds-pre_project = Forprosjekter
engagement-kinds-exchange = Utvekslinger og besøk
engagement-kinds-political_network = Politiske nettverk
engagement-kinds-meeting_place = Møteplasser

## Engagement statuses
engagement-status-proposed = Foreslått
engagement-status-active = Aktiv
engagement-status-paused = Satt på pause
engagement-status-ended = Avsluttet

## Roles
role-member = Medlem
role-observer = Observatør
role-host = Vertskap
role-coordinator = Koordinator
role-lead_partner = Hovedpartner
role-partner = Partner
role-associated_partner = Assosiert partner
role-supporter = Støttespiller
role-secretariat = Sekretariat
role-counterpart = Motpart
roles-member = Medlemmer
roles-observer = Observatører
roles-host = Vertskap
roles-coordinator = Koordinatorer
roles-lead_partner = Hovedpartnere
roles-partner = Partnere
roles-associated_partner = Assosierte partnere
roles-supporter = Støttespillere
roles-secretariat = Sekretariat
roles-counterpart = Motparter

## Organisation kinds
organisation-kind-county = Fylkeskommune
organisation-kind-region = Region
organisation-kind-municipality = Kommune
organisation-kind-state_agency = Statlig etat
organisation-kind-university = Universitet
organisation-kind-research_institute = Forskningsinstitutt
organisation-kind-business_association = Næringslivsorganisasjon
organisation-kind-trade_union = Fagforening
organisation-kind-company = Bedrift
organisation-kind-ngo = Frivillig organisasjon
organisation-kind-foreign_region = Utenlandsk region eller by
organisation-kind-international_organisation = Internasjonal organisasjon
organisation-kind-network_office = Nettverkskontor
organisation-kind-other = Annet

## Plans
plan-kind-strategy = Strategi
plan-kind-plan = Plan
plan-kind-policy = Policy
plan-status-draft = Utkast
plan-status-adopted = Vedtatt
plan-status-expired = Utløpt
beneficiary-region = Regionen
beneficiary-organisation = Organisasjonen
beneficiary-citizens = Innbyggerne

## Months
month-1 = januar
month-2 = februar
month-3 = mars
month-4 = april
month-5 = mai
month-6 = juni
month-7 = juli
month-8 = august
month-9 = september
month-10 = oktober
month-11 = november
month-12 = desember
