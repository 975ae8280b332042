## Plans: the list, the plan page, the goal page and their forms

plans-list-title = Plans
plans-list-intro = Strategies, plans and policies of each authority, with their focus areas, goals and measures.
plans-list-empty = No plans have been registered yet.
plans-new-link = New plan
plans-about-owner = About { $owner }
plans-back-to-list = All plans
plans-period = Period
plans-owner = Authority
plans-adopting-decision = Adopted by
plans-no-decision = No decision registered
plans-decision-line = { $body }, case { $case }, { $date }
plans-decision-line-no-case = { $body }, { $date }
plans-principles = Principles
plans-focus-areas = Focus areas
plans-main-goals = Main goals
plans-goals = Goals
plans-goals-outside-areas = Goals outside the focus areas
plans-goals-for-region = Goals for the region
plans-goals-for-organisation = Goals for the organisation
plans-goals-for-citizens = Goals for the citizens
plans-goals-for-nobody-named = Other goals
plans-measures = Measures
plans-measure = Measure
plans-other-measures = Other measures
plans-focus-area-empty = No goals or measures in this focus area yet.
plans-tree-empty = This plan has no focus areas, goals or measures yet.
plans-main-goal-unfilled = Main goal { $n } – wording not yet filled in
plans-sub-goal-unfilled = Sub-goal { $n } – wording not yet filled in
plans-sdg-badge = SDG { $code }
plans-sdgs = UN Sustainable Development Goals
plans-no-sdgs = None linked
plans-contributions =
    { $count ->
        [one] 1 engagement contributes
       *[other] { $count } engagements contribute
    }
plans-no-contributions = No engagement contributes

## Links to change the plan
plans-edit-plan = Edit plan
plans-add-focus-area = Add focus area
plans-edit-focus-area = Edit focus area
plans-add-goal = Add goal
plans-add-sub-goal = Add sub-goal
plans-edit-goal = Edit goal
plans-add-measure = Add measure
plans-edit-measure = Edit measure

## The goal page
plans-level = Level
plans-level-main = Main goal
plans-level-sub = Sub-goal
plans-parent-goal = Part of the goal
plans-what-contributes = What contributes
plans-what-contributes-empty-hint = Contributions are added on an engagement's page, with a sentence on how it contributes.
plans-via-sub-goal = through the sub-goal
plans-contributions-in-list = Show these engagements in the engagement list
plans-sub-goals = Sub-goals
plans-no-sub-goals = No sub-goals.
plans-no-measures = No measures.

## Forms
plans-new-heading = New plan
plans-edit-heading = Edit plan: { $title }
plans-new-focus-area-heading = New focus area
plans-edit-focus-area-heading = Edit focus area: { $title }
plans-new-goal-heading = New goal
plans-edit-goal-heading = Edit goal: { $title }
plans-new-measure-heading = New measure
plans-edit-measure-heading = Edit measure
plans-parent-none = (none: a main goal)
plans-choose-owner = Choose an authority
plans-goal-title-hint = Leave the title empty while the plan has not decided the goal's wording; the plan page then says it is not yet filled in.
plans-goal-parent-hint = A sub-goal belongs to its main goal's focus area.
plans-measure-goal-hint = A measure under a goal belongs to that goal's focus area.
plans-delete-plan-heading = Delete this plan
plans-delete-plan-text = This deletes the plan with its focus areas, goals and measures, and the engagements' contributions to its goals. It cannot be undone.
plans-delete-focus-area-heading = Delete this focus area
plans-delete-focus-area-text = This deletes the focus area with its goals and measures. It cannot be undone.
plans-delete-goal-heading = Delete this goal
plans-delete-goal-text = This deletes the goal with its sub-goals and the engagements' contributions to them. It cannot be undone.
plans-delete-measure-heading = Delete this measure
plans-delete-measure-text = This deletes the measure. It cannot be undone.
