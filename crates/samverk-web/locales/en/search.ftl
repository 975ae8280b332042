# Search across everything.
search-title = Search
search-label = Search engagements, organisations, goals, decisions, news and calls for input
search-hint = Words may be shortened: “søk” also finds “søknad”. Accents and case do not matter.
search-button = Search
search-count = { $count ->
    [0] No results
    [one] One result
   *[other] { $count } results
}
search-facets-label = Narrow the results
search-facet-entity = What
search-facet-kind = Kind
search-facet-status = Status
search-facet-country = Country
search-facet-year = Year
search-facet-sdg = Sustainable Development Goal
search-facet-clear = Any
search-no-match = Nothing matches “{ $q }” with the chosen filters.
search-widen = Try fewer or shorter words, or remove the filters:
search-widen-link = search without filters
search-entity-engagement = Engagement
search-entity-organisation = Organisation
search-entity-goal = Goal
search-entity-measure = Measure
search-entity-decision = Decision
search-entity-news = News
search-entity-call = Call for input
