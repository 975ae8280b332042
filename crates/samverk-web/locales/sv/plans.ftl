## Plans: the list, the plan page, the goal page and their forms

plans-list-title = Planer
plans-list-intro = Varje myndighets strategier, planer och policyer, med fokusområden, mål och åtgärder.
plans-list-empty = Inga planer har registrerats ännu.
plans-new-link = Ny plan
plans-about-owner = Om { $owner }
plans-back-to-list = Alla planer
plans-period = Period
plans-owner = Myndighet
plans-adopting-decision = Antagen av
plans-no-decision = Inget beslut registrerat
plans-decision-line = { $body }, dnr { $case }, { $date }
plans-decision-line-no-case = { $body }, { $date }
plans-principles = Principer
plans-focus-areas = Fokusområden
plans-main-goals = Huvudmål
plans-goals = Mål
plans-goals-outside-areas = Mål utanför fokusområdena
plans-goals-for-region = Mål för regionen
plans-goals-for-organisation = Mål för organisationen
plans-goals-for-citizens = Mål för invånarna
plans-goals-for-nobody-named = Övriga mål
plans-measures = Åtgärder
plans-measure = Åtgärd
plans-other-measures = Övriga åtgärder
plans-focus-area-empty = Inga mål eller åtgärder i fokusområdet ännu.
plans-tree-empty = Planen har inga fokusområden, mål eller åtgärder ännu.
plans-main-goal-unfilled = Huvudmål { $n } – formuleringen är inte ifylld ännu
plans-sub-goal-unfilled = Delmål { $n } – formuleringen är inte ifylld ännu
plans-sdg-badge = Globalt mål { $code }
plans-sdgs = FN:s globala mål för hållbar utveckling
plans-no-sdgs = Inga kopplade
plans-contributions =
    { $count ->
        [one] 1 engagemang bidrar
       *[other] { $count } engagemang bidrar
    }
plans-no-contributions = Inga engagemang bidrar

## Links to change the plan
plans-edit-plan = Ändra planen
plans-add-focus-area = Lägg till fokusområde
plans-edit-focus-area = Ändra fokusområdet
plans-add-goal = Lägg till mål
plans-add-sub-goal = Lägg till delmål
plans-edit-goal = Ändra målet
plans-add-measure = Lägg till åtgärd
plans-edit-measure = Ändra åtgärden

## The goal page
plans-level = Nivå
plans-level-main = Huvudmål
plans-level-sub = Delmål
plans-parent-goal = Del av målet
plans-what-contributes = Vad som bidrar
plans-what-contributes-empty-hint = Bidrag läggs till på ett engagemangs sida, med en mening om hur det bidrar.
plans-via-sub-goal = genom delmålet
plans-contributions-in-list = Visa engagemangen i engagemangslistan
plans-sub-goals = Delmål
plans-no-sub-goals = Inga delmål.
plans-no-measures = Inga åtgärder.

## Forms
plans-new-heading = Ny plan
plans-edit-heading = Ändra plan: { $title }
plans-new-focus-area-heading = Nytt fokusområde
plans-edit-focus-area-heading = Ändra fokusområde: { $title }
plans-new-goal-heading = Nytt mål
plans-edit-goal-heading = Ändra mål: { $title }
plans-new-measure-heading = Ny åtgärd
plans-edit-measure-heading = Ändra åtgärd
plans-parent-none = (ingen: ett huvudmål)
plans-choose-owner = Välj en myndighet
plans-goal-title-hint = Lämna titeln tom så länge planen inte har bestämt målets formulering; plansidan anger då att den inte är ifylld ännu.
plans-goal-parent-hint = Ett delmål hör till huvudmålets fokusområde.
plans-measure-goal-hint = En åtgärd under ett mål hör till målets fokusområde.
plans-delete-plan-heading = Ta bort planen
plans-delete-plan-text = Detta tar bort planen med dess fokusområden, mål och åtgärder, och engagemangens bidrag till målen. Det går inte att ångra.
plans-delete-focus-area-heading = Ta bort fokusområdet
plans-delete-focus-area-text = Detta tar bort fokusområdet med dess mål och åtgärder. Det går inte att ångra.
plans-delete-goal-heading = Ta bort målet
plans-delete-goal-text = Detta tar bort målet med dess delmål och engagemangens bidrag till dem. Det går inte att ångra.
plans-delete-measure-heading = Ta bort åtgärden
plans-delete-measure-text = Detta tar bort åtgärden. Det går inte att ångra.
