## Front page
home-title = Partnerskap, nettverk og internasjonalt samarbeid
home-intro = Planene, målene og engasjementene til hver myndighet, hvem som deltar, hvilke vedtak som etablerte dem, og hva hvert enkelt bidrar med.
home-empty = Ingen myndighet har planer eller engasjementer ennå.
home-add-authority = Legg til en myndighet
home-authorities = Myndigheter
home-active = Aktive engasjementer
home-link-plans = Planer med satsingsområder, mål og tiltak
home-link-engagements = Alle engasjementer, med filtre og søk
home-link-check = Hvilke engasjementer som bryter bidragsregelen, og hvilke mål ingenting bidrar til

## Contribution check
check-title = Bidragskontroll
check-rule = Regel: alt aktivt nettverksarbeid (medlemskap, partnerskap, nettverk, tematiske og politiske nettverk) skal bidra til ett eller flere hovedmål i en gjeldende plan. Et bidrag til et delmål teller for hovedmålet det hører til.
check-violations = Engasjementer som bryter regelen
check-no-violations = Ingen engasjementer bryter regelen.
check-violation-count = { $count ->
    [one] Ett engasjement bryter regelen.
   *[other] { $count } engasjementer bryter regelen.
}
check-no-goal = bidrar ikke til noe mål
check-only-expired = bidrar bare til mål i utløpte planer
check-idle-goals = Mål som ingenting bidrar til
check-no-idle-goals = Hvert mål har minst ett engasjement som bidrar.
check-idle-count = { $count ->
    [one] Ett mål har ingen engasjementer som bidrar.
   *[other] { $count } mål har ingen engasjementer som bidrar.
}
check-main-goal = hovedmål
check-sub-goal = delmål
