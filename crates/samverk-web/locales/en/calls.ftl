# Calls for input and referrals.
calls-title = Calls for input
calls-intro = Where the authority asks the public and its partners for input, and until when.
call-page-description = A call for input from { $authority }: what is asked, until when, and the form to answer without an account.
calls-new = Open a call for input
calls-none = There are no calls for input.
calls-col-title = Call
calls-col-owner = Authority
calls-col-closes = Closes
calls-col-phase = State
calls-col-answers = Answers
call-phase-not-yet-open = Not open yet
call-phase-open = Open
call-phase-closed = Closed
call-opens = Opens
call-closes = Deadline
call-audience = Who is asked
call-closes-rule = Times are local time in { $zone }. A call closes at 23:59 on its closing date unless another time is given.
call-closes-at-time = Times are local time in { $zone }. This call closes at the time given above.
call-questions = What we ask
call-related = What this is about
call-form-heading = Send your input
call-form-intro = You do not need an account. Name and e-mail are optional unless marked as required.
call-answer-hint = Your answer to the questions above.
call-consent-heading = Consent
call-consent-version = Version of this text: { $version }
call-honeypot = Leave this field empty
call-send = Send input
call-closed-notice = This call closed at { $closes }. The form is closed and no more input can be sent.
call-not-open-notice = This call opens at { $opens }. The form opens then.
call-published-heading = Published input
call-published-intro = Input the authority has chosen to publish, without names or contact details.
call-edit-link = Edit the call
call-submissions-link = Read the input
call-new-title = New call for input
call-edit-title = Edit “{ $title }”
call-questions-hint = One question per line.
call-closes-time-hint = Closing time HH:MM; leave blank for 23:59.
call-consent-hint = What senders agree to. Each answer keeps the exact version it was sent with.
call-refused-title = The input was not sent
call-refused-robot = The form could not be sent. If you are a person, go back and send it again without filling in hidden fields.
call-refused-closed = This call is closed: the deadline has passed, so the input could not be sent.
call-refused-rate = Too much input has come from your address in a short time. Please wait ten minutes and send it again.
call-back = Back to the call
call-receipt-title = Thank you for your input
call-receipt-text = Your input to “{ $title }” was received.
call-receipt-reference = Reference number
call-receipt-received = Received
call-receipt-consent = Version of the consent text
call-receipt-keep = Keep the reference number if you want to ask about your input later.
call-submissions-title = Input to “{ $title }”
call-submissions-count = { $count ->
    [one] One answer
   *[other] { $count } answers
}
call-export-csv = Export to CSV
call-export-xlsx = Export to Excel (XLSX)
call-col-reference = Reference
call-col-received = Received
call-col-name = Name
call-col-email = E-mail
call-col-organisation = Organisation
call-col-answer = Answer
call-col-tags = Tags
call-col-published = Published
call-col-consent = Consent version
field-call_title = Title
field-call_text = Text
field-questions = Questions
field-audience = Who is asked
field-opens_on = Opens on
field-closes_on = Closing date
field-closes_time = Closing time
field-time_zone = Time zone
field-require_name = The sender's name is required
field-require_email = The sender's e-mail is required
field-consent_text = Consent text
field-sender_name = Your name
field-sender_organisation = Organisation (if you answer for one)
field-answer = Your input
field-consent = I agree to the text above
referrals-title = Referrals
referrals-intro = Referrals (hearings) received from other bodies, and our statements in answer.
referrals-new = Register a referral
referrals-due-heading = { $days ->
    [one] Due within a day, not yet answered
   *[other] Due within { $days } days, not yet answered
}
referrals-none-due = No unanswered referral is due soon.
referrals-all-heading = All referrals
referrals-none = No referrals are registered.
referrals-col-deadline = Deadline
referrals-col-subject = Subject
referrals-col-sender = Sender
referrals-col-case = Case number
referrals-col-responsible = Responsible
referrals-col-state = State
referrals-col-owner = Authority
referral-days-left = { $days ->
    [0] due today
    [one] one day left
   *[other] { $days } days left
}
referral-overdue = { $days ->
    [one] one day overdue
   *[other] { $days } days overdue
}
referral-state-received = Received
referral-state-drafted = Statement drafted
referral-state-approved = Statement approved { $date }
referral-state-sent = Statement sent { $date }
referral-no-statement = No statement has been written yet.
referral-edit-link = Edit
referral-back = Back to the referrals
referral-new-title = New referral
referral-edit-title = Edit the referral
field-sender = Sender
field-referral_case = Sender's case number
field-subject = Subject
field-deadline = Deadline
field-responsible = Responsible person
field-statement = Statement
field-approved_by = Approved by (body)
field-approved_on = Approved on
field-sent_on = Sent on

# Attachments to answers.
field-attachments = Attachments
call-attachments-hint = Optional: up to { $files } files of at most { $mb } MB each. Accepted: { $allowed }.
call-attachments-kept = Your files were not kept: choose them again before you send.
call-col-attachments = Attachments
problem-file-too-large = “{ $name }” is larger than { $max } MB. Choose a smaller file or send it in parts.
problem-file-type = “{ $name }” cannot be attached. Accepted kinds: { $allowed }.
problem-too-many-files = { $max ->
    [one] Attach at most one file.
   *[other] Attach at most { $max } files.
}
