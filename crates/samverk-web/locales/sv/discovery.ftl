partners-title = Hitta partner för { $name }
partners-intro = Organisationer som ännu inte är partner, rangordnade efter vad data visar: projekt med era partner, vänorter och partner till era kommuner, nätverken ni är med i och projekt inom temat för ett mål eller ett globalt mål. Varje förslag anger varför.
partners-filters = Vad ni söker partner för
partners-goal = För ett mål
partners-sdg = För ett globalt mål
partners-find = Hitta partner
partners-basis = Utifrån { $partners ->
    [one] en partner
   *[other] { $partners } partner
} och { $municipalities ->
    [one] en kommun
   *[other] { $municipalities } kommuner
}.
partners-words = Projekt matchade på: { $words }.
partners-empty = Ingen organisation att föreslå.
partners-empty-hint = Inget i data kopplar denna myndighet till organisationer som den inte redan samarbetar med. Välj ett annat mål eller globalt mål, ta bort typ och land, eller importera mer samarbetsdata.
partners-score = { $score } poäng
partners-more-evidence = { $count ->
    [one] och ytterligare ett skäl
   *[other] och ytterligare { $count } skäl
}
partners-unworded-goal = (målet är ännu inte formulerat)
partners-see-network = Se vilka denna myndighet samarbetar med i dag
partners-members = { $count ->
    [one] en medlem
   *[other] { $count } medlemmar
}
partners-evidence-partner-of-partner = Samarbetar med er partner { $partner } i { $shared } (partner genom { $through }).
partners-evidence-twin-town = Vänort till { $municipality } ({ $engagement }).
partners-evidence-local-partner = Samarbetar med { $municipality } i { $engagement }.
partners-evidence-same-network = Medlem i { $network }, liksom ni.
partners-evidence-topic = Deltog i { $engagement }, som matchar { $words }.
network-title = Vilka { $name } samarbetar med
network-intro = Organisationer som delar ett projekt, ett avtal, ett partnerskap, ett utbyte eller ett vänortssamarbete med denna organisation, och nätverken den ingår i.
network-partners = Partner
network-no-partners = Inga gemensamma projekt, avtal eller partnerskap finns registrerade.
network-col-shared = Gemensamma åtaganden (typ och partnerns roll)
network-networks = Nätverk och medlemskap
network-no-networks = Inga nätverksmedlemskap finns registrerade.
network-find-partners = Hitta nya partner
organisation-network-link = Vilka den samarbetar med
organisation-partners-link = Hitta partner
