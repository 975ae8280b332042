# Inspel och remisser.
calls-title = Inspel
calls-intro = Här ber organisationen invånare och partner om inspel, och här står sista dagen.
call-page-description = Inspelsomgång från { $authority }: vad som efterfrågas, sista dagen, och formuläret för att svara utan konto.
calls-new = Be om inspel
calls-none = Det finns inga inspelsomgångar.
calls-col-title = Inspelsomgång
calls-col-owner = Organisation
calls-col-closes = Sista dag
calls-col-phase = Status
calls-col-answers = Inspel
call-phase-not-yet-open = Inte öppnad än
call-phase-open = Öppen
call-phase-closed = Stängd
call-opens = Öppnar
call-closes = Sista dag
call-audience = Vilka vi frågar
call-closes-rule = Tiderna är lokal tid i { $zone }. En inspelsomgång stänger kl. 23:59 sista dagen om ingen annan tid anges.
call-closes-at-time = Tiderna är lokal tid i { $zone }. Den här omgången stänger vid tiden ovan.
call-questions = Det här frågar vi om
call-related = Det här gäller
call-form-heading = Skicka ditt inspel
call-form-intro = Du behöver inget konto. Namn och e-post är frivilliga om de inte är markerade som obligatoriska.
call-answer-hint = Ditt svar på frågorna ovan.
call-consent-heading = Samtycke
call-consent-version = Version av texten: { $version }
call-honeypot = Lämna det här fältet tomt
call-send = Skicka inspel
call-closed-notice = Omgången stängde { $closes }. Formuläret är stängt och inga fler inspel kan skickas.
call-not-open-notice = Omgången öppnar { $opens }. Formuläret öppnas då.
call-published-heading = Publicerade inspel
call-published-intro = Inspel som organisationen valt att publicera, utan namn eller kontaktuppgifter.
call-edit-link = Redigera inspelsomgången
call-submissions-link = Läs inspelen
call-new-title = Ny inspelsomgång
call-edit-title = Redigera ”{ $title }”
call-questions-hint = En fråga per rad.
call-closes-time-hint = Klockslag TT:MM; lämna tomt för 23:59.
call-consent-hint = Det avsändarna samtycker till. Varje inspel sparar exakt den version det skickades med.
call-refused-title = Inspelet skickades inte
call-refused-robot = Formuläret kunde inte skickas. Om du är en människa, gå tillbaka och skicka igen utan att fylla i dolda fält.
call-refused-closed = Omgången är stängd: sista dagen har passerat, så inspelet kunde inte skickas.
call-refused-rate = Många inspel har kommit från din adress på kort tid. Vänta tio minuter och skicka igen.
call-back = Tillbaka till inspelsomgången
call-receipt-title = Tack för ditt inspel
call-receipt-text = Ditt inspel till ”{ $title }” har tagits emot.
call-receipt-reference = Referensnummer
call-receipt-received = Mottaget
call-receipt-consent = Version av samtyckestexten
call-receipt-keep = Spara referensnumret om du vill fråga om ditt inspel senare.
call-submissions-title = Inspel till ”{ $title }”
call-submissions-count = { $count ->
    [one] Ett inspel
   *[other] { $count } inspel
}
call-export-csv = Exportera till CSV
call-export-xlsx = Exportera till Excel (XLSX)
call-col-reference = Referens
call-col-received = Mottaget
call-col-name = Namn
call-col-email = E-post
call-col-organisation = Organisation
call-col-answer = Inspel
call-col-tags = Etiketter
call-col-published = Publicerat
call-col-consent = Samtyckesversion
field-call_title = Rubrik
field-call_text = Text
field-questions = Frågor
field-audience = Vilka vi frågar
field-opens_on = Öppnar
field-closes_on = Sista dag
field-closes_time = Klockslag sista dagen
field-time_zone = Tidszon
field-require_name = Avsändarens namn är obligatoriskt
field-require_email = Avsändarens e-post är obligatorisk
field-consent_text = Samtyckestext
field-sender_name = Ditt namn
field-sender_organisation = Organisation (om du svarar för en)
field-answer = Ditt inspel
field-consent = Jag samtycker till texten ovan
referrals-title = Remisser
referrals-intro = Remisser från andra organ, och våra yttranden.
referrals-new = Registrera en remiss
referrals-due-heading = { $days ->
    [one] Sista dag inom ett dygn, inte besvarade
   *[other] Sista dag inom { $days } dagar, inte besvarade
}
referrals-none-due = Ingen obesvarad remiss har sista dag snart.
referrals-all-heading = Alla remisser
referrals-none = Inga remisser är registrerade.
referrals-col-deadline = Sista dag
referrals-col-subject = Ärende
referrals-col-sender = Avsändare
referrals-col-case = Diarienummer
referrals-col-responsible = Ansvarig
referrals-col-state = Status
referrals-col-owner = Organisation
referral-days-left = { $days ->
    [0] sista dag i dag
    [one] en dag kvar
   *[other] { $days } dagar kvar
}
referral-overdue = { $days ->
    [one] en dag försenad
   *[other] { $days } dagar försenad
}
referral-state-received = Mottagen
referral-state-drafted = Yttrande skrivet
referral-state-approved = Yttrande beslutat { $date }
referral-state-sent = Yttrande skickat { $date }
referral-no-statement = Inget yttrande är skrivet än.
referral-edit-link = Redigera
referral-back = Tillbaka till remisserna
referral-new-title = Ny remiss
referral-edit-title = Redigera remissen
field-sender = Avsändare
field-referral_case = Avsändarens diarienummer
field-subject = Ärende
field-deadline = Sista dag
field-responsible = Ansvarig person
field-statement = Yttrande
field-approved_by = Beslutat av (organ)
field-approved_on = Beslutsdatum
field-sent_on = Skickat datum

# Bilagor till inspel.
field-attachments = Bilagor
call-attachments-hint = Valfritt: upp till { $files } filer på högst { $mb } MB var. Godkänt: { $allowed }.
call-attachments-kept = Dina filer sparades inte: välj dem igen innan du skickar.
call-col-attachments = Bilagor
problem-file-too-large = ”{ $name }” är större än { $max } MB. Välj en mindre fil eller skicka den i delar.
problem-file-type = ”{ $name }” kan inte bifogas. Godkända filtyper: { $allowed }.
problem-too-many-files = { $max ->
    [one] Bifoga högst en fil.
   *[other] Bifoga högst { $max } filer.
}
