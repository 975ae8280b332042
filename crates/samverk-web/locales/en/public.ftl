## Public pages (/p, /p/<authority>, /p/<authority>/plans/<id>)
public-index-title = Public pages
public-index-intro = What each authority takes part in and why: networks, partnerships, memberships, agreements, twin towns and EU projects, with the goals they serve and the decisions behind them.
public-index-empty = No authority has published anything yet.
public-engagement-count = { $count ->
    [0] no published engagements
    [one] one published engagement
   *[other] { $count } published engagements
}
public-plan-count = { $count ->
    [0] no published plans
    [one] one published plan
   *[other] { $count } published plans
}
public-portfolio-title = what we take part in and why
public-portfolio-description = The networks, partnerships, memberships, agreements and projects { $authority } takes part in, the goals each serves, and who decided it.
public-portfolio-empty = Nothing has been published yet.
public-contents = Contents
public-by-kind = By kind
public-by-goal = By goal
public-purpose = Purpose – the goals it serves and how:
public-plan-description = A plan of { $authority } with its goals and what contributes to them.
public-goals-and-contributions = Goals and what contributes to them

## Publishing (staff)
public-published = Published on the public pages
public-not-published = Not published on the public pages
public-publish = Publish
public-withdraw = Withdraw from the public pages
public-edit-texts = Title and description in other languages
public-texts-title = Languages of { $title }
public-texts-intro = The language the texts are written in (the original), and their wording in the other languages. A public page shows the visitor's language when it is written, else the original with a note of its language. An empty title removes that language.
field-language = Original language
field-title_nb = Title (Norwegian Bokmål)
field-description_nb = Description (Norwegian Bokmål)
field-title_sv = Title (Swedish)
field-description_sv = Description (Swedish)
field-title_en = Title (English)
field-description_en = Description (English)

## Accessibility statement (/accessibility)
accessibility-title = Accessibility statement
accessibility-intro = This statement covers samverk's web pages, public and staff. Public bodies in Norway and Sweden must meet WCAG 2.1 level AA, and we aim for that on every page.
accessibility-status-heading = How accessible the pages are
accessibility-status = Every page is tested automatically against WCAG 2.1 levels A and AA (axe-core in a real browser) in all three languages, and no page has a known violation of those criteria.
accessibility-how-heading = What we do
accessibility-how-axe = Every page reachable from the front page, and every form with and without errors, is checked with axe-core before each release.
accessibility-how-keyboard = Everything works with a keyboard alone: a skip link leads to the content, and focus is always visible.
accessibility-how-nojs = The pages and forms work without JavaScript; errors in a form are listed at the top, linked to their fields, and shown beside each field.
accessibility-how-languages = The pages are available in Norwegian Bokmål, Swedish and English; texts shown in another language than the page are marked as such.
accessibility-known-heading = Known limitations
accessibility-known = Automatic tests find only part of the problems people meet. Texts written by the authorities themselves (titles, descriptions) may not be available in every language. Tell us about anything that stops you.
accessibility-feedback-heading = Feedback
accessibility-feedback = If something on these pages is hard to use, or you need the content in another form, contact the authority that published it; we answer within two weeks.
accessibility-enforcement-heading = Enforcement
accessibility-enforcement = In Norway, the Authority for Universal Design of ICT (Uu-tilsynet) supervises public web sites; in Sweden, the Agency for Digital Government (DIGG). You may complain to them if you are not satisfied with our answer.

## The portfolio summary and the paged list (/p/<authority>/engagements)
public-by-status = By status
public-kind-all = { $kind }: see all { $count }
public-shown-first = The first { $shown } of { $count }, by title:
public-goal-all = { $count ->
    [one] See the engagement contributing to this goal
   *[other] See all { $count } engagements contributing to this goal
}
public-all-engagements = All published engagements, with filters
public-engagements-title = Published engagements
public-engagements-description = The engagements { $authority } has published, filtered by kind, status and goal.
public-engagement-description = An engagement of { $authority }: what it is, who takes part, the decision and the goals it serves.
public-filters = Filter the engagements
public-engagements-empty = No published engagement matches these filters.
public-representatives = Representatives
field-lead_nb = Lead (Norwegian Bokmål)
field-body_nb = Text (Norwegian Bokmål)
field-lead_sv = Lead (Swedish)
field-body_sv = Text (Swedish)
field-lead_en = Lead (English)
field-body_en = Text (English)
