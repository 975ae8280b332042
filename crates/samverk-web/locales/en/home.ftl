## Front page
home-title = Partnerships, networks and international cooperation
home-intro = The plans, goals and engagements of each authority, who takes part, which decisions established them, and what each contributes.
home-empty = No authority has plans or engagements yet.
home-add-authority = Add an authority
home-authorities = Authorities
home-active = Active engagements
home-link-plans = Plans with their focus areas, goals and measures
home-link-engagements = All engagements, with filters and search
home-link-check = Which engagements break the contribution rule, and which goals nothing contributes to

## Contribution check
check-title = Contribution check
check-rule = Rule: all network work (memberships, partnerships, networks, thematic and political networks) that is active must contribute to one or more main goals of a plan in force. A contribution to a sub-goal counts for its main goal.
check-violations = Engagements that break the rule
check-no-violations = No engagement breaks the rule.
check-violation-count = { $count ->
    [one] One engagement breaks the rule.
   *[other] { $count } engagements break the rule.
}
check-no-goal = contributes to no goal
check-only-expired = contributes only to goals of expired plans
check-idle-goals = Goals nothing contributes to
check-no-idle-goals = Every goal has at least one contributing engagement.
check-idle-count = { $count ->
    [one] One goal has no contributing engagement.
   *[other] { $count } goals have no contributing engagement.
}
check-main-goal = main goal
check-sub-goal = sub-goal
