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
search-country-eu = Europeisk (EU)
search-facet-year = År
search-facet-sdg = Bærekraftsmål
search-facet-clear = Alle
search-no-match = Ingenting passet med { $what }.
search-widen = Du kan utvide søket med færre ord eller bare starten av et ord («sam» finner «samarbeid»), eller fjerne et filter:
search-entity-engagement = Engasjement
search-entity-organisation = Organisasjon
search-entity-goal = Mål
search-entity-measure = Tiltak
search-entity-decision = Vedtak
search-entity-news = Nyhet
search-entity-call = Innspill
search-public-title = Søk i det vi deltar i
search-public-label = Søk i publiserte engasjementer, organisasjoner, mål, tiltak, vedtak, nyheter og åpne innspill
search-searched-for = søkte etter { $what }
search-widen-without = søk uten filteret «{ $filter }»
search-widen-portfolios = bla i de offentlige porteføljene i stedet
search-widen-news = les nyhetene i stedet
