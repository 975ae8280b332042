# Sök i allt.
search-title = Sök
search-label = Sök bland engagemang, organisationer, mål, beslut, nyheter och inspel
search-hint = Ord kan kortas: ”sök” hittar också ”söknad”. Accenter och versaler spelar ingen roll.
search-button = Sök
search-count = { $count ->
    [0] Inga träffar
    [one] En träff
   *[other] { $count } träffar
}
search-facets-label = Avgränsa träffarna
search-facet-entity = Vad
search-facet-kind = Typ
search-facet-status = Status
search-facet-country = Land
search-facet-year = År
search-facet-sdg = Globalt mål
search-facet-clear = Alla
search-no-match = Inget matchar ”{ $q }” med de valda filtren.
search-widen = Prova färre eller kortare ord, eller ta bort filtren:
search-widen-link = sök utan filter
search-entity-engagement = Engagemang
search-entity-organisation = Organisation
search-entity-goal = Mål
search-entity-measure = Åtgärd
search-entity-decision = Beslut
search-entity-news = Nyhet
search-entity-call = Inspel
