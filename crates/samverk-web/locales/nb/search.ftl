# Søk i alt.
search-title = Søk
search-label = Søk i engasjementer, organisasjoner, mål, vedtak, nyheter og innspill
search-hint = Ord kan forkortes: «søk» finner også «søknad». Aksenter og store bokstaver spiller ingen rolle.
search-button = Søk
search-count = { $count ->
    [0] Ingen treff
    [one] Ett treff
   *[other] { $count } treff
}
search-facets-label = Avgrens treffene
search-facet-entity = Hva
search-facet-kind = Type
search-facet-status = Status
search-facet-country = Land
search-facet-year = År
search-facet-sdg = Bærekraftsmål
search-facet-clear = Alle
search-no-match = Ingenting passer med «{ $q }» med filtrene du har valgt.
search-widen = Prøv færre eller kortere ord, eller fjern filtrene:
search-widen-link = søk uten filtre
search-entity-engagement = Engasjement
search-entity-organisation = Organisasjon
search-entity-goal = Mål
search-entity-measure = Tiltak
search-entity-decision = Vedtak
search-entity-news = Nyhet
search-entity-call = Innspill
