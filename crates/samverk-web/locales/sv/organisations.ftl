## Organisation register (/organisations)
organisations-title = Organisationer
organisations-intro = Myndigheter, partner, medlemmar och motparter, med identifierare och historik.
organisations-new = Ny organisation
organisations-search-label = Sök på namn
organisations-search-hint = Accenter och nordiska bokstäver spelar ingen roll: ”Lidkoping” hittar ”Lidköping”.
organisations-filters = Sökning och filter
organisations-count = { $count ->
    [0] Inga organisationer hittades
    [one] En organisation hittades
   *[other] { $count } organisationer hittades
}
organisations-empty = Ingen organisation matchar sökningen.
organisations-empty-hint = Prova en annan sökning eller ett annat filter, eller rensa filtren för att se alla organisationer.
organisations-deleted = Organisationen togs bort.
organisations-col-name = Namn
organisations-col-kind = Typ
organisations-col-country = Land
organisations-col-identifiers = Identifierare

## Organisation page (/organisations/{id})
organisation-facts = Om organisationen
organisation-identifiers = Identifierare
organisation-no-identifiers = Inga identifierare registrerade.
organisation-validity = Giltig
organisation-history = Historik
organisation-predecessors = Föregångare
organisation-successors = Efterträdare
organisation-no-predecessors = Inga föregångare registrerade.
organisation-no-successors = Inga efterträdare registrerade.
organisation-col-organisation = Organisation
organisation-col-date = Datum
organisation-participations = Deltar i
organisation-no-participations = Organisationen deltar inte i något registrerat engagemang.
organisation-engagement-meta = { $kind }, { $status }, ägs av { $owner }
organisation-as-authority = Som myndighet
organisation-plans = Dess planer
organisation-no-plans = Inga planer registrerade.
organisation-all-plans = Alla planer
organisation-its-engagements = Engagemang den äger
organisation-its-decisions = Dess beslut
organisation-add-predecessor = Lägg till en föregångare
organisation-add-predecessor-intro = Registrera att organisationen tog över efter en annan (en sammanslagning, en delning eller ett nytt namn) ett visst datum.
organisation-delete = Ta bort organisationen
organisation-delete-refused = { $name } kan inte tas bort: den används fortfarande.
organisation-in-use-engagements = Den äger eller deltar i engagemang. Ta bort den från dem först; inget har tagits bort.
organisation-in-use-plans = Den äger planer. Flytta eller ta bort planerna först; inget har tagits bort.
organisation-in-use-decisions = Den äger beslut. Flytta eller ta bort besluten först; inget har tagits bort.
organisation-in-use-other = Andra poster hänvisar till den; inget har tagits bort.
organisation-edit-title = Ändra { $name }
organisation-new-title = Ny organisation
organisation-form-names = Namn
organisation-form-identifiers = Identifierare
organisation-form-validity = Giltighet
field-date_precision = Hur exakt datumet är känt

## Decisions (/decisions)
decisions-title = Beslut
decisions-intro = Vem som beslutade vad, under vilket diarienummer och när; senaste först.
decisions-new = Nytt beslut
decisions-filter-owner = Myndighet
decisions-count = { $count ->
    [0] Inga beslut hittades
    [one] Ett beslut hittades
   *[other] { $count } beslut hittades
}
decisions-empty = Inget beslut är registrerat för den här myndigheten.
decisions-empty-hint = Välj en annan myndighet, eller rensa filtret för att se alla beslut.
decisions-deleted = Beslutet togs bort.
decisions-col-date = Datum
decisions-col-body = Organ
decisions-col-case = Diarienummer
decisions-col-title = Titel
decisions-col-owner = Myndighet
decision-facts = Om beslutet
decision-established = Vad det inrättade
decision-established-plans = Planer
decision-established-engagements = Engagemang
decision-established-nothing = Ingen plan eller inget engagemang är registrerat som inrättat genom beslutet.
decision-no-case-number = inget diarienummer
decision-open-link = Öppna beslutsdokumentet
decision-delete = Ta bort beslutet
decision-delete-note = De planer och engagemang som beslutet inrättade finns kvar, utan koppling till beslutet.
decision-edit-title = Ändra beslutet ”{ $title }”
decision-new-title = Nytt beslut
decision-date-hint = För ett beslut som bara är känt till månad eller år anger du den första dagen och väljer hur exakt datumet är känt.
date-precision-day = Den exakta dagen
date-precision-month = Bara månaden
date-precision-year = Bara året
date-month-year = { $month } { $year }
