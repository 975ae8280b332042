## Organisation register (/organisations)
organisations-title = Organisations
organisations-intro = Authorities, partners, members and counterparts, with their identifiers and history.
organisations-new = New organisation
organisations-search-label = Search by name
organisations-search-hint = Accents and Nordic letters do not matter: “Lidkoping” finds “Lidköping”.
organisations-filters = Search and filters
organisations-count = { $count ->
    [0] No organisations found
    [one] One organisation found
   *[other] { $count } organisations found
}
organisations-empty = No organisation matches this search.
organisations-empty-hint = Try another search or another filter, or clear the filters to see every organisation.
organisations-deleted = The organisation was deleted.
organisations-col-name = Name
organisations-col-kind = Kind
organisations-col-country = Country
organisations-col-identifiers = Identifiers

## Organisation page (/organisations/{id})
organisation-facts = About the organisation
organisation-identifiers = Identifiers
organisation-no-identifiers = No identifiers registered.
organisation-validity = Valid
organisation-history = History
organisation-predecessors = Predecessors
organisation-successors = Successors
organisation-no-predecessors = No predecessors registered.
organisation-no-successors = No successors registered.
organisation-col-organisation = Organisation
organisation-col-date = Date
organisation-participations = Takes part in
organisation-no-participations = This organisation takes part in no registered engagement.
organisation-engagement-meta = { $kind }, { $status }, owned by { $owner }
organisation-as-authority = As an authority
organisation-plans = Its plans
organisation-no-plans = No plans registered.
organisation-all-plans = All plans
organisation-its-engagements = Engagements it owns
organisation-its-decisions = Its decisions
organisation-add-predecessor = Add a predecessor
organisation-add-predecessor-intro = Record that this organisation took over from another one (a merger, a split or a new name) on a date.
organisation-delete = Delete this organisation
organisation-delete-refused = { $name } cannot be deleted: it is still in use.
organisation-in-use-engagements = It owns or takes part in engagements. Remove it from them first; nothing has been deleted.
organisation-in-use-plans = It owns plans. Move or delete those plans first; nothing has been deleted.
organisation-in-use-decisions = It owns decisions. Move or delete those decisions first; nothing has been deleted.
organisation-in-use-other = Other records refer to it; nothing has been deleted.
organisation-edit-title = Edit { $name }
organisation-new-title = New organisation
organisation-form-names = Names
organisation-form-identifiers = Identifiers
organisation-form-validity = Validity
field-date_precision = How precisely the date is known

## Decisions (/decisions)
decisions-title = Decisions
decisions-intro = Who decided what, under which case number, and when; newest first.
decisions-new = New decision
decisions-filter-owner = Authority
decisions-count = { $count ->
    [0] No decisions found
    [one] One decision found
   *[other] { $count } decisions found
}
decisions-empty = No decision is registered for this authority.
decisions-empty-hint = Choose another authority, or clear the filter to see every decision.
decisions-deleted = The decision was deleted.
decisions-col-date = Date
decisions-col-body = Body
decisions-col-case = Case number
decisions-col-title = Title
decisions-col-owner = Authority
decision-facts = About the decision
decision-established = What it established
decision-established-plans = Plans
decision-established-engagements = Engagements
decision-established-nothing = No plan or engagement is registered as established by this decision.
decision-no-case-number = no case number
decision-open-link = Open the decision document
decision-delete = Delete this decision
decision-delete-note = The plans and engagements it established are kept, without the link to this decision.
decision-edit-title = Edit the decision “{ $title }”
decision-new-title = New decision
decision-date-hint = For a decision known only to the month or the year, give its first day and choose how precisely it is known.
date-precision-day = The exact day
date-precision-month = Only the month
date-precision-year = Only the year
date-month-year = { $month } { $year }
