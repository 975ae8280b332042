## Engagement list
engagements-title = Engagemang
engagements-intro = Alla medlemskap, avtal, partnerskap, nätverk, projekt, utbyten och mötesplatser, med vilka som deltar och vilka mål de tjänar.
engagements-new = Nytt engagemang
engagements-filters = Filtrera engagemang
engagements-count = { $count ->
    [one] Ett engagemang
   *[other] { $count } engagemang
}
engagements-empty = Inga engagemang matchar filtren.
engagements-empty-hint = Prova ett annat filter eller en annan sökning, eller ta bort något av filtren nedan.
engagements-without = Utan ”{ $filter }”
engagements-column-participants = Deltagare
engagements-column-goals = Mål
engagement-period = Period
sort-title = Titel
sort-start = Startdatum
sort-kind = Typ
sort-status = Status
sort-owner = Myndighet
sort-descending = Fallande ordning
filter-organisation-active = Bara engagemang med { $name }
filter-goal-any = Alla mål

## Engagement page
engagement-decision = Beslut
engagement-no-decision = Inget beslut registrerat.
engagement-goals = Mål det bidrar till
engagement-no-goals = Engagemanget bidrar inte till något mål ännu.
engagement-participants = Deltagare
engagement-no-participants = Inga deltagare registrerade.
engagement-children = Underordnade engagemang
engagement-no-children = Inga.
add-child-engagement = Lägg till ett underordnat engagemang
add-contribution = Lägg till ett mål det bidrar till
add-participant = Lägg till en deltagare
remove = Ta bort
remove-contribution-label = Ta bort bidraget till { $goal }
remove-participant-label = Ta bort { $name }
goal-wording-missing = Mål – formuleringen är inte ifylld ännu

## Engagement forms
engagement-new-title = Nytt engagemang
engagement-edit-title = Ändra { $title }
engagement-first-goal = Första målet det bidrar till
engagement-first-goal-hint = Nätverksarbete (medlemskap, partnerskap, nätverk, tematiska och politiska nätverk) måste bidra till ett eller flera huvudmål innan det kan vara aktivt.
engagement-delete-title = Ta bort engagemanget
engagement-delete-text = Borttagningen tar bort deltagarna och bidragen. Underordnade engagemang finns kvar, utan överordnat.
participant-new-title = Lägg till en deltagare i { $title }
contribution-new-title = Lägg till ett mål som { $title } bidrar till
contribution-no-goals = Myndigheten har inga mål i en gällande plan ännu. Lägg först till mål i en plan.
engagement-choose-owner = Välj först den myndighet som äger engagemanget: dess planer, mål och beslut erbjuds sedan i formuläret.
continue = Fortsätt
