## Engagement list
engagements-title = Engasjementer
engagements-intro = Alle medlemskap, avtaler, partnerskap, nettverk, prosjekter, utvekslinger og møteplasser, med hvem som deltar og hvilke mål de tjener.
engagements-new = Nytt engasjement
engagements-filters = Filtrer engasjementer
engagements-count = { $count ->
    [one] Ett engasjement
   *[other] { $count } engasjementer
}
engagements-empty = Ingen engasjementer passer med disse filtrene.
engagements-empty-hint = Prøv et annet filter eller søk, eller fjern ett av filtrene nedenfor.
engagements-without = Uten «{ $filter }»
engagements-column-participants = Deltakere
engagements-column-goals = Mål
engagement-period = Periode
sort-title = Tittel
sort-start = Startdato
sort-kind = Type
sort-status = Status
sort-owner = Myndighet
sort-descending = Synkende rekkefølge
filter-organisation-active = Bare engasjementer med { $name }
filter-goal-any = Alle mål

## Engagement page
engagement-decision = Vedtak
engagement-no-decision = Ingen vedtak registrert.
engagement-goals = Mål det bidrar til
engagement-no-goals = Dette engasjementet bidrar ikke til noe mål ennå.
engagement-participants = Deltakere
engagement-no-participants = Ingen deltakere registrert.
engagement-children = Underliggende engasjementer
engagement-no-children = Ingen.
add-child-engagement = Legg til et underliggende engasjement
add-contribution = Legg til et mål det bidrar til
add-participant = Legg til en deltaker
remove = Fjern
remove-contribution-label = Fjern bidraget til { $goal }
remove-participant-label = Fjern { $name }
goal-wording-missing = Mål – ordlyden er ikke fylt ut ennå

## Engagement forms
engagement-new-title = Nytt engasjement
engagement-edit-title = Endre { $title }
engagement-first-goal = Første mål det bidrar til
engagement-first-goal-hint = Nettverksarbeid (medlemskap, partnerskap, nettverk, tematiske og politiske nettverk) må bidra til ett eller flere hovedmål før det kan være aktivt.
engagement-delete-title = Slett dette engasjementet
engagement-delete-text = Sletting fjerner deltakerne og bidragene. Underliggende engasjementer blir stående, uten overordnet.
participant-new-title = Legg til en deltaker i { $title }
contribution-new-title = Legg til et mål som { $title } bidrar til
contribution-no-goals = Myndigheten har ingen mål i en gjeldende plan ennå. Legg først til mål i en plan.
engagement-choose-owner = Velg først myndigheten som eier engasjementet: planene, målene og vedtakene dens blir da tilbudt i skjemaet.
continue = Fortsett
