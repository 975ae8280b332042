## Layout
site-description = samverk: an authority's plans and goals, and the partnerships, networks, agreements and projects that serve them.
skip-to-content = Skip to content
nav-label = Main menu
nav-plans = Plans
nav-engagements = Engagements
nav-organisations = Organisations
nav-decisions = Decisions
nav-check = Contribution check
footer-text = samverk – partnerships, networks and international cooperation, followed up.
lang-switch-label = Language
text-in-language-nb = (in Norwegian Bokmål)
text-in-language-sv = (in Swedish)
text-in-language-en = (in English)
text-in-language-other = (in the language { $code })
text-written-in-nb = Written in Norwegian Bokmål
text-written-in-sv = Written in Swedish
text-written-in-en = Written in English
text-written-in-other = Written in the language { $code }

## Common words
required = required
not-set = not set
period-unknown = period not given
period-from = from { $start }
period-until = until { $end }
save = Save
cancel = Cancel
edit = Edit
delete = Delete
add = Add
search = Search
apply-filters = Apply filters
clear-filters = Clear filters
any = Any
none-selected = (none)
previous-page = Previous
next-page = Next
page-of = Page { $page } of { $pages }
pagination-label = Pages
no = No
yes = Yes
confirm-delete = Delete permanently

## Errors
error-not_found-title = Page not found
error-not_found-text = There is nothing at this address. It may have been deleted, or the link may be wrong.
error-invalid_input-title = The input could not be saved
error-invalid_input-text = Some fields need attention; nothing was saved.
error-in_use-title = Still in use
error-in_use-text = This record is still referred to by other records and cannot be deleted. Remove those references first.
error-bad_request-title = Bad request
error-bad_request-text = The request could not be understood.
error-internal-title = Something went wrong
error-internal-text = The error has been logged. Nothing was saved. Please try again later.
error-back-home = Back to the front page
form-has-errors = Please correct the following

## Problems with a field
problem-required = This field is required.
problem-too-long = This text is longer than { $max } characters.
problem-invalid-date = Not a valid date; write it as YYYY-MM-DD, e.g. 2020-03-31.
problem-end-before-start = The end date is before the start date.
problem-invalid-format = Wrong format: expected { $expected }.
problem-unknown-value = Not an allowed value. Allowed: { $allowed }.
problem-unknown-reference = The record chosen does not exist.
problem-duplicate = This is already registered.
problem-other-authority = This belongs to another authority.
problem-cycle = This would make the record its own parent.
problem-rule = { $rule }
problem-contribution-rule = «{ $engagement }» cannot be active without contributing to a main goal: all network work must contribute to one or more main goals of a plan in force. Add a contribution to a goal first.
problem-ambiguous = More than one organisation in the register fits what you typed. Choose one of them below.
problem-not-in-register = No organisation in the register fits what you typed. Check the spelling, choose one of the similar names below, or register the organisation first.

## Field labels
field-input = Input
field-owner_id = Authority
field-title = Title
field-description = Description
field-kind = Kind
field-status = Status
field-start = Start date
field-end = End date
field-parent_id = Part of
field-decision_id = Decision
field-organisation_id = Organisation
field-role = Role
field-goal_id = Goal
field-how = How it contributes
field-name = Name
field-name_nb = Name (Norwegian Bokmål)
field-name_sv = Name (Swedish)
field-name_en = Name (English)
field-country = Country
field-region = Region (county)
field-org_number = Organisation number
field-region_code = County or municipality number
field-scb_code = SCB code
field-nuts_code = NUTS code
field-valid_from = Valid from
field-valid_to = Valid to
field-predecessor_id = Predecessor
field-date = Date
field-body = Deciding body
field-case_number = Case number
field-url = Link
field-plan_id = Plan
field-focus_area_id = Focus area
field-period_start = Period start
field-period_end = Period end
field-beneficiary = Who benefits
field-sdgs = UN Sustainable Development Goals (e.g. 13, 13.2)
field-q = Search text
field-org = Participant (name)
field-year = Year
field-sort = Sort by

## Engagement kinds
engagement-kind-membership = Membership
engagement-kind-bilateral_agreement = Bilateral agreement
engagement-kind-twin_town = Twin town
engagement-kind-partnership = Partnership
engagement-kind-network = Network
engagement-kind-thematic_network = Thematic network
engagement-kind-eu_project = EU-funded project
engagement-kind-pre_project = Pre-project
engagement-kind-exchange = Exchange or visit
engagement-kind-political_network = Political network
engagement-kind-meeting_place = Meeting place
engagement-kinds-membership = Memberships
engagement-kinds-bilateral_agreement = Bilateral agreements
engagement-kinds-twin_town = Twin towns
engagement-kinds-partnership = Partnerships
engagement-kinds-network = Networks
engagement-kinds-thematic_network = Thematic networks
engagement-kinds-eu_project = EU-funded projects
engagement-kinds-pre_project = Pre-projects
engagement-kinds-exchange = Exchanges and visits
engagement-kinds-political_network = Political networks
engagement-kinds-meeting_place = Meeting places

## Engagement statuses
engagement-status-proposed = Proposed
engagement-status-active = Active
engagement-status-paused = Paused
engagement-status-ended = Ended

## Roles
role-member = Member
role-observer = Observer
role-host = Host
role-coordinator = Coordinator
role-lead_partner = Lead partner
role-partner = Partner
role-associated_partner = Associated partner
role-supporter = Supporter
role-secretariat = Secretariat
role-counterpart = Counterpart
roles-member = Members
roles-observer = Observers
roles-host = Hosts
roles-coordinator = Coordinators
roles-lead_partner = Lead partners
roles-partner = Partners
roles-associated_partner = Associated partners
roles-supporter = Supporters
roles-secretariat = Secretariat
roles-counterpart = Counterparts

## Organisation kinds
organisation-kind-county = County
organisation-kind-region = Region
organisation-kind-municipality = Municipality
organisation-kind-state_agency = State agency
organisation-kind-university = University
organisation-kind-research_institute = Research institute
organisation-kind-business_association = Business association
organisation-kind-trade_union = Trade union
organisation-kind-company = Company
organisation-kind-ngo = Non-governmental organisation
organisation-kind-foreign_region = Foreign region or city
organisation-kind-international_organisation = International organisation
organisation-kind-network_office = Network office
organisation-kind-other = Other

## Plans
plan-kind-strategy = Strategy
plan-kind-plan = Plan
plan-kind-policy = Policy
plan-status-draft = Draft
plan-status-adopted = Adopted
plan-status-expired = Expired
beneficiary-region = The region
beneficiary-organisation = The organisation
beneficiary-citizens = The citizens

## Months
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
