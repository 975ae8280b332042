## Engagement list
engagements-title = Engagements
engagements-intro = Every membership, agreement, partnership, network, project, exchange and meeting place, with who takes part and which goals it serves.
engagements-new = New engagement
engagements-filters = Filter engagements
engagements-count = { $count ->
    [one] One engagement
   *[other] { $count } engagements
}
engagements-empty = No engagements match these filters.
engagements-empty-hint = Try another filter or search, or remove one of the filters below.
engagements-without = Without “{ $filter }”
engagements-column-participants = Participants
engagements-column-goals = Goals
engagement-period = Period
sort-title = Title
sort-start = Start date
sort-kind = Kind
sort-status = Status
sort-owner = Authority
sort-descending = Descending order
filter-organisation-active = Only engagements with { $name }
filter-goal-any = Any goal

## Engagement page
engagement-decision = Decision
engagement-no-decision = No decision recorded.
engagement-goals = Goals it contributes to
engagement-no-goals = This engagement contributes to no goal yet.
engagement-participants = Participants
engagement-no-participants = No participants recorded.
engagement-children = Sub-engagements
engagement-no-children = None.
add-child-engagement = Add a sub-engagement
add-contribution = Add a goal it contributes to
add-participant = Add a participant
remove = Remove
remove-contribution-label = Remove the contribution to { $goal }
remove-participant-label = Remove { $name }
goal-wording-missing = Goal – wording not yet filled in

## Engagement forms
engagement-new-title = New engagement
engagement-edit-title = Edit { $title }
engagement-first-goal = First goal it contributes to
engagement-first-goal-hint = Network work (memberships, partnerships, networks, thematic and political networks) must contribute to one or more main goals before it can be active.
engagement-delete-title = Delete this engagement
engagement-delete-text = Deleting removes its participants and contributions. Sub-engagements stay, without a parent.
participant-new-title = Add a participant to { $title }
contribution-new-title = Add a goal { $title } contributes to
contribution-no-goals = The authority has no goals in a plan in force yet. Add goals to a plan first.
engagement-choose-owner = First choose the authority that owns the engagement: its plans, goals and decisions are then offered in the form.
continue = Continue
