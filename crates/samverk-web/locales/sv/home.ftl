## Front page
home-title = Partnerskap, nätverk och internationell samverkan
home-intro = Varje myndighets planer, mål och engagemang, vilka som deltar, vilka beslut som inrättade dem och vad vart och ett bidrar med.
home-empty = Ingen myndighet har planer eller engagemang ännu.
home-add-authority = Lägg till en myndighet
home-authorities = Myndigheter
home-active = Aktiva engagemang
home-link-plans = Planer med fokusområden, mål och åtgärder
home-link-engagements = Alla engagemang, med filter och sökning
home-link-check = Vilka engagemang som bryter mot bidragsregeln, och vilka mål inget bidrar till

## Contribution check
check-title = Bidragskontroll
check-rule = Regel: allt aktivt nätverksarbete (medlemskap, partnerskap, nätverk, tematiska och politiska nätverk) ska bidra till ett eller flera huvudmål i en gällande plan. Ett bidrag till ett delmål räknas för dess huvudmål.
check-violations = Engagemang som bryter mot regeln
check-no-violations = Inget engagemang bryter mot regeln.
check-violation-count = { $count ->
    [one] Ett engagemang bryter mot regeln.
   *[other] { $count } engagemang bryter mot regeln.
}
check-no-goal = bidrar inte till något mål
check-only-expired = bidrar bara till mål i planer som upphört att gälla
check-idle-goals = Mål som inget bidrar till
check-no-idle-goals = Varje mål har minst ett engagemang som bidrar.
check-idle-count = { $count ->
    [one] Ett mål saknar engagemang som bidrar.
   *[other] { $count } mål saknar engagemang som bidrar.
}
check-main-goal = huvudmål
check-sub-goal = delmål
