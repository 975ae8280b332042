## Plans: the list, the plan page, the goal page and their forms

plans-list-title = Planer
plans-list-intro = Strategier, planer og retningslinjer for hver myndighet, med satsingsområder, mål og tiltak.
plans-list-empty = Ingen planer er registrert ennå.
plans-new-link = Ny plan
plans-about-owner = Om { $owner }
plans-back-to-list = Alle planer
plans-period = Periode
plans-owner = Myndighet
plans-adopting-decision = Vedtatt av
plans-no-decision = Ingen vedtak registrert
plans-decision-line = { $body }, sak { $case }, { $date }
plans-decision-line-no-case = { $body }, { $date }
plans-principles = Prinsipper
plans-focus-areas = Satsingsområder
plans-main-goals = Hovedmål
plans-goals = Mål
plans-goals-outside-areas = Mål utenfor satsingsområdene
plans-goals-for-region = Mål for regionen
plans-goals-for-organisation = Mål for organisasjonen
plans-goals-for-citizens = Mål for innbyggerne
plans-goals-for-nobody-named = Andre mål
plans-measures = Tiltak
plans-measure = Tiltak
plans-other-measures = Andre tiltak
plans-focus-area-empty = Ingen mål eller tiltak i dette satsingsområdet ennå.
plans-tree-empty = Denne planen har ingen satsingsområder, mål eller tiltak ennå.
plans-main-goal-unfilled = Hovedmål { $n } – ordlyden er ikke fylt ut ennå
plans-sub-goal-unfilled = Delmål { $n } – ordlyden er ikke fylt ut ennå
plans-sdg-badge = Bærekraftsmål { $code }
plans-sdgs = FNs bærekraftsmål
plans-no-sdgs = Ingen koblet
plans-contributions =
    { $count ->
        [one] 1 engasjement bidrar
       *[other] { $count } engasjementer bidrar
    }
plans-no-contributions = Ingen engasjementer bidrar

## Links to change the plan
plans-edit-plan = Endre planen
plans-add-focus-area = Legg til satsingsområde
plans-edit-focus-area = Endre satsingsområdet
plans-add-goal = Legg til mål
plans-add-sub-goal = Legg til delmål
plans-edit-goal = Endre målet
plans-add-measure = Legg til tiltak
plans-edit-measure = Endre tiltaket

## The goal page
plans-level = Nivå
plans-level-main = Hovedmål
plans-level-sub = Delmål
plans-parent-goal = Del av målet
plans-what-contributes = Hva som bidrar
plans-what-contributes-empty-hint = Bidrag legges til på siden til et engasjement, med en setning om hvordan det bidrar.
plans-via-sub-goal = gjennom delmålet
plans-contributions-in-list = Vis disse engasjementene i engasjementlisten
plans-sub-goals = Delmål
plans-no-sub-goals = Ingen delmål.
plans-no-measures = Ingen tiltak.

## Forms
plans-new-heading = Ny plan
plans-edit-heading = Endre plan: { $title }
plans-new-focus-area-heading = Nytt satsingsområde
plans-edit-focus-area-heading = Endre satsingsområde: { $title }
plans-new-goal-heading = Nytt mål
plans-edit-goal-heading = Endre mål: { $title }
plans-new-measure-heading = Nytt tiltak
plans-edit-measure-heading = Endre tiltak
plans-parent-none = (ingen: et hovedmål)
plans-choose-owner = Velg en myndighet
plans-goal-title-hint = La tittelen stå tom så lenge planen ikke har bestemt målets ordlyd; plansiden sier da at den ikke er fylt ut ennå.
plans-goal-parent-hint = Et delmål hører til hovedmålets satsingsområde.
plans-measure-goal-hint = Et tiltak under et mål hører til målets satsingsområde.
plans-delete-plan-heading = Slett denne planen
plans-delete-plan-text = Dette sletter planen med satsingsområder, mål og tiltak, og engasjementenes bidrag til målene. Det kan ikke angres.
plans-delete-focus-area-heading = Slett dette satsingsområdet
plans-delete-focus-area-text = Dette sletter satsingsområdet med mål og tiltak. Det kan ikke angres.
plans-delete-goal-heading = Slett dette målet
plans-delete-goal-text = Dette sletter målet med delmål og engasjementenes bidrag til dem. Det kan ikke angres.
plans-delete-measure-heading = Slett dette tiltaket
plans-delete-measure-text = Dette sletter tiltaket. Det kan ikke angres.
