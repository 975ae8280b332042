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
search-country-eu = Europeisk (EU)
search-facet-year = År
search-facet-sdg = Globalt mål
search-facet-clear = Alla
search-no-match = Inget matchade { $what }.
search-widen = Du kan bredda sökningen med färre ord eller bara början av ett ord (”sam” hittar ”samarbete”), eller ta bort ett filter:
search-entity-engagement = Engagemang
search-entity-organisation = Organisation
search-entity-goal = Mål
search-entity-measure = Åtgärd
search-entity-decision = Beslut
search-entity-news = Nyhet
search-entity-call = Inspel
search-public-title = Sök i det vi deltar i
search-public-label = Sök bland publicerade engagemang, organisationer, mål, åtgärder, beslut, nyheter och öppna inspel
search-searched-for = sökte efter { $what }
search-widen-without = sök utan filtret ”{ $filter }”
search-widen-portfolios = bläddra i de offentliga portföljerna i stället
search-widen-news = läs nyheterna i stället
