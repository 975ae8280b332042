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
search-country-eu = Europe-wide (EU)
search-facet-year = Year
search-facet-sdg = Sustainable Development Goal
search-facet-clear = Any
search-no-match = Nothing matched { $what }.
search-widen = To widen the search, use fewer words or only the start of a word (“part” finds “partnership”), or remove a filter:
search-entity-engagement = Engagement
search-entity-organisation = Organisation
search-entity-goal = Goal
search-entity-measure = Measure
search-entity-decision = Decision
search-entity-news = News
search-entity-call = Call for input
search-public-title = Search what we take part in
search-public-label = Search published engagements, organisations, goals, measures, decisions, news and open calls for input
search-searched-for = searched for { $what }
search-widen-without = search without the filter “{ $filter }”
search-widen-portfolios = browse the public portfolios instead
search-widen-news = read the news instead
