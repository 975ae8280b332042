partners-title = Finn partnere for { $name }
partners-intro = Organisasjoner som ennå ikke er partnere, rangert etter hva dataene viser: prosjekter med partnerne deres, vennskapsbyer og partnere til kommunene deres, nettverkene dere er med i, og prosjekter om temaet for et mål eller et bærekraftsmål. Hvert forslag sier hvorfor.
partners-filters = Hva dere søker partnere til
partners-goal = Til et mål
partners-sdg = Til et bærekraftsmål
partners-find = Finn partnere
partners-basis = Basert på { $partners ->
    [one] én partner
   *[other] { $partners } partnere
} og { $municipalities ->
    [one] én kommune
   *[other] { $municipalities } kommuner
}.
partners-words = Prosjekter er matchet på: { $words }.
partners-empty = Ingen organisasjoner å foreslå.
partners-empty-hint = Ingenting i dataene knytter denne myndigheten til organisasjoner den ikke allerede samarbeider med. Velg et annet mål eller bærekraftsmål, fjern type og land, eller importer flere samarbeidsdata.
partners-score = { $score } poeng
partners-more-evidence = { $count ->
    [one] og én grunn til
   *[other] og { $count } grunner til
}
partners-unworded-goal = (målet er ikke formulert ennå)
partners-see-network = Se hvem denne myndigheten samarbeider med i dag
partners-members = { $count ->
    [one] ett medlem
   *[other] { $count } medlemmer
}
partners-evidence-partner-of-partner = Samarbeider med partneren deres { $partner } i { $shared } (partner gjennom { $through }).
partners-evidence-twin-town = Vennskapsby til { $municipality } ({ $engagement }).
partners-evidence-local-partner = Samarbeider med { $municipality } i { $engagement }.
partners-evidence-same-network = Medlem av { $network }, som dere.
partners-evidence-topic = Deltok i { $engagement }, som treffer { $words }.
network-title = Hvem { $name } samarbeider med
network-intro = Organisasjoner som deler et prosjekt, en avtale, et partnerskap, en utveksling eller et vennskapssamarbeid med denne organisasjonen, og nettverkene den er med i.
network-partners = Partnere
network-no-partners = Ingen felles prosjekter, avtaler eller partnerskap er registrert.
network-col-shared = Felles engasjementer (type og partnerens rolle)
network-networks = Nettverk og medlemskap
network-no-networks = Ingen nettverksmedlemskap er registrert.
network-find-partners = Finn nye partnere
organisation-network-link = Hvem den samarbeider med
organisation-partners-link = Finn partnere
