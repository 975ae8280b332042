## Organisation register (/organisations)
organisations-title = Organisasjoner
organisations-intro = Myndigheter, partnere, medlemmer og motparter, med identifikatorer og historikk.
organisations-new = Ny organisasjon
organisations-search-label = Søk etter navn
organisations-search-hint = Aksenter og nordiske bokstaver spiller ingen rolle: «Lidkoping» finner «Lidköping».
organisations-filters = Søk og filtre
organisations-count = { $count ->
    [0] Fant ingen organisasjoner
    [one] Fant én organisasjon
   *[other] Fant { $count } organisasjoner
}
organisations-empty = Ingen organisasjon passer med dette søket.
organisations-empty-hint = Prøv et annet søk eller et annet filter, eller fjern filtrene for å se alle organisasjoner.
organisations-deleted = Organisasjonen ble slettet.
organisations-col-name = Navn
organisations-col-kind = Type
organisations-col-country = Land
organisations-col-identifiers = Identifikatorer

## Organisation page (/organisations/{id})
organisation-facts = Om organisasjonen
organisation-identifiers = Identifikatorer
organisation-no-identifiers = Ingen identifikatorer registrert.
organisation-validity = Gyldig
organisation-history = Historikk
organisation-predecessors = Forgjengere
organisation-successors = Etterfølgere
organisation-no-predecessors = Ingen forgjengere registrert.
organisation-no-successors = Ingen etterfølgere registrert.
organisation-col-organisation = Organisasjon
organisation-col-date = Dato
organisation-participations = Deltar i
organisation-no-participations = Denne organisasjonen deltar ikke i noe registrert engasjement.
organisation-engagement-meta = { $kind }, { $status }, eies av { $owner }
organisation-as-authority = Som myndighet
organisation-plans = Planene
organisation-no-plans = Ingen planer registrert.
organisation-all-plans = Alle planer
organisation-its-engagements = Engasjementer den eier
organisation-its-decisions = Vedtakene
organisation-add-predecessor = Legg til en forgjenger
organisation-add-predecessor-intro = Registrer at denne organisasjonen overtok etter en annen (en sammenslåing, en deling eller et nytt navn) på en dato.
organisation-delete = Slett denne organisasjonen
organisation-delete-refused = { $name } kan ikke slettes: den er fortsatt i bruk.
organisation-in-use-engagements = Den eier eller deltar i engasjementer. Fjern den fra dem først; ingenting er slettet.
organisation-in-use-plans = Den eier planer. Flytt eller slett planene først; ingenting er slettet.
organisation-in-use-decisions = Den eier vedtak. Flytt eller slett vedtakene først; ingenting er slettet.
organisation-in-use-other = Andre registreringer viser til den; ingenting er slettet.
organisation-edit-title = Endre { $name }
organisation-new-title = Ny organisasjon
organisation-form-names = Navn
organisation-form-identifiers = Identifikatorer
organisation-form-validity = Gyldighet
field-date_precision = Hvor nøyaktig datoen er kjent

## Decisions (/decisions)
decisions-title = Vedtak
decisions-intro = Hvem som vedtok hva, under hvilket saksnummer og når; nyeste først.
decisions-new = Nytt vedtak
decisions-filter-owner = Myndighet
decisions-count = { $count ->
    [0] Fant ingen vedtak
    [one] Fant ett vedtak
   *[other] Fant { $count } vedtak
}
decisions-empty = Ingen vedtak er registrert for denne myndigheten.
decisions-empty-hint = Velg en annen myndighet, eller fjern filteret for å se alle vedtak.
decisions-deleted = Vedtaket ble slettet.
decisions-col-date = Dato
decisions-col-body = Organ
decisions-col-case = Saksnummer
decisions-col-title = Tittel
decisions-col-owner = Myndighet
decision-facts = Om vedtaket
decision-established = Hva det etablerte
decision-established-plans = Planer
decision-established-engagements = Engasjementer
decision-established-nothing = Ingen plan eller engasjement er registrert som etablert av dette vedtaket.
decision-no-case-number = uten saksnummer
decision-open-link = Åpne vedtaksdokumentet
decision-delete = Slett dette vedtaket
decision-delete-note = Planene og engasjementene det etablerte beholdes, uten koblingen til dette vedtaket.
decision-edit-title = Endre vedtaket «{ $title }»
decision-new-title = Nytt vedtak
decision-date-hint = For et vedtak som bare er kjent på måned eller år, oppgi den første dagen og velg hvor nøyaktig datoen er kjent.
date-precision-day = Den nøyaktige dagen
date-precision-month = Bare måneden
date-precision-year = Bare året
date-month-year = { $month } { $year }
