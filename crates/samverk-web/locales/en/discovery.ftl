partners-title = Find partners for { $name }
partners-intro = Organisations that are not yet partners, ranked by what the data shows: projects with your partners, twin towns and partners of your municipalities, the networks you are in, and projects on the topic of a goal or an SDG. Each proposal says why.
partners-filters = What to find partners for
partners-goal = For a goal
partners-sdg = For a Sustainable Development Goal
partners-find = Find partners
partners-basis = Based on { $partners ->
    [one] one partner
   *[other] { $partners } partners
} and { $municipalities ->
    [one] one municipality
   *[other] { $municipalities } municipalities
}.
partners-words = Projects matched on: { $words }.
partners-empty = No organisation to propose.
partners-empty-hint = Nothing in the data links this authority to organisations it does not already work with. Choose another goal or SDG, or clear the kind and country, or import more cooperation data.
partners-score = { $score } points
partners-more-evidence = { $count ->
    [one] and one more reason
   *[other] and { $count } more reasons
}
partners-unworded-goal = (goal not yet worded)
partners-see-network = See who this authority works with today
partners-members = { $count ->
    [one] one member
   *[other] { $count } members
}
partners-evidence-partner-of-partner = Works with your partner { $partner } in { $shared } (your partner through { $through }).
partners-evidence-twin-town = Twin town of { $municipality } ({ $engagement }).
partners-evidence-local-partner = Works with { $municipality } in { $engagement }.
partners-evidence-same-network = Member of { $network }, like you.
partners-evidence-topic = Took part in { $engagement }, which matches { $words }.
network-title = Who { $name } works with
network-intro = Organisations that share a project, agreement, partnership, exchange or twinning with this organisation, and the networks it belongs to.
network-partners = Partners
network-no-partners = No shared projects, agreements or partnerships are recorded.
network-col-shared = Shared engagements (their kind and the partner's role)
network-networks = Networks and memberships
network-no-networks = No network memberships are recorded.
network-find-partners = Find new partners
organisation-network-link = Who it works with
organisation-partners-link = Find partners
