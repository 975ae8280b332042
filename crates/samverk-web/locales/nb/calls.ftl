# Innspill og høringer.
calls-title = Innspill
calls-intro = Her ber virksomheten innbyggere og partnere om innspill, og her står fristen.
call-page-description = Innspillsrunde fra { $authority }: hva det spørres om, fristen, og skjemaet for å svare uten konto.
calls-new = Be om innspill
calls-none = Det er ingen innspillsrunder.
calls-col-title = Innspillsrunde
calls-col-owner = Virksomhet
calls-col-closes = Frist
calls-col-phase = Status
calls-col-answers = Innspill
call-phase-not-yet-open = Ikke åpnet ennå
call-phase-open = Åpen
call-phase-closed = Stengt
call-opens = Åpner
call-closes = Frist
call-audience = Hvem vi spør
call-closes-rule = Tidspunktene er lokal tid i { $zone }. En innspillsrunde stenger kl. 23:59 på fristdatoen hvis ikke et annet klokkeslett er oppgitt.
call-closes-at-time = Tidspunktene er lokal tid i { $zone }. Denne runden stenger på klokkeslettet over.
call-questions = Dette spør vi om
call-related = Dette gjelder
call-form-heading = Send ditt innspill
call-form-intro = Du trenger ingen konto. Navn og e-post er valgfritt hvis ikke feltet er merket som påkrevd.
call-answer-hint = Ditt svar på spørsmålene over.
call-consent-heading = Samtykke
call-consent-version = Versjon av denne teksten: { $version }
call-honeypot = La dette feltet stå tomt
call-send = Send innspill
call-closed-notice = Fristen gikk ut { $closes }. Skjemaet er stengt, og det kan ikke sendes flere innspill.
call-not-open-notice = Runden åpner { $opens }. Skjemaet åpnes da.
call-published-heading = Publiserte innspill
call-published-intro = Innspill virksomheten har valgt å publisere, uten navn eller kontaktopplysninger.
call-edit-link = Rediger innspillsrunden
call-submissions-link = Les innspillene
call-new-title = Ny innspillsrunde
call-edit-title = Rediger «{ $title }»
call-questions-hint = Ett spørsmål per linje.
call-closes-time-hint = Klokkeslett TT:MM; la stå tomt for 23:59.
call-consent-hint = Det avsenderne samtykker til. Hvert innspill lagrer nøyaktig den versjonen det ble sendt med.
call-refused-title = Innspillet ble ikke sendt
call-refused-robot = Skjemaet kunne ikke sendes. Er du et menneske, gå tilbake og send det på nytt uten å fylle ut skjulte felt.
call-refused-closed = Innspillsrunden er stengt: fristen er ute, så innspillet kunne ikke sendes.
call-refused-rate = Det har kommet mange innspill fra adressen din på kort tid. Vent ti minutter og send på nytt.
call-back = Tilbake til innspillsrunden
call-receipt-title = Takk for innspillet
call-receipt-text = Innspillet ditt til «{ $title }» er mottatt.
call-receipt-reference = Referansenummer
call-receipt-received = Mottatt
call-receipt-consent = Versjon av samtykketeksten
call-receipt-keep = Ta vare på referansenummeret hvis du vil spørre om innspillet senere.
call-submissions-title = Innspill til «{ $title }»
call-submissions-count = { $count ->
    [one] Ett innspill
   *[other] { $count } innspill
}
call-export-csv = Eksporter til CSV
call-export-xlsx = Eksporter til Excel (XLSX)
call-col-reference = Referanse
call-col-received = Mottatt
call-col-name = Navn
call-col-email = E-post
call-col-organisation = Organisasjon
call-col-answer = Innspill
call-col-tags = Stikkord
call-col-published = Publisert
call-col-consent = Samtykkeversjon
field-call_title = Tittel
field-call_text = Tekst
field-questions = Spørsmål
field-audience = Hvem vi spør
field-opens_on = Åpner
field-closes_on = Fristdato
field-closes_time = Klokkeslett for fristen
field-time_zone = Tidssone
field-require_name = Avsenderens navn er påkrevd
field-require_email = Avsenderens e-post er påkrevd
field-consent_text = Samtykketekst
field-sender_name = Navnet ditt
field-sender_organisation = Organisasjon (hvis du svarer for en)
field-answer = Innspillet ditt
field-consent = Jeg samtykker til teksten over
referrals-title = Høringer
referrals-intro = Høringer fra andre organer, og våre høringssvar.
referrals-new = Registrer en høring
referrals-due-heading = { $days ->
    [one] Frist innen et døgn, ikke besvart
   *[other] Frist innen { $days } dager, ikke besvart
}
referrals-none-due = Ingen ubesvarte høringer har frist snart.
referrals-all-heading = Alle høringer
referrals-none = Ingen høringer er registrert.
referrals-col-deadline = Frist
referrals-col-subject = Sak
referrals-col-sender = Avsender
referrals-col-case = Saksnummer
referrals-col-responsible = Ansvarlig
referrals-col-state = Status
referrals-col-owner = Virksomhet
referral-days-left = { $days ->
    [0] frist i dag
    [one] én dag igjen
   *[other] { $days } dager igjen
}
referral-overdue = { $days ->
    [one] én dag over fristen
   *[other] { $days } dager over fristen
}
referral-state-received = Mottatt
referral-state-drafted = Høringssvar skrevet
referral-state-approved = Høringssvar vedtatt { $date }
referral-state-sent = Høringssvar sendt { $date }
referral-no-statement = Det er ikke skrevet noe høringssvar ennå.
referral-edit-link = Rediger
referral-back = Tilbake til høringene
referral-new-title = Ny høring
referral-edit-title = Rediger høringen
field-sender = Avsender
field-referral_case = Avsenderens saksnummer
field-subject = Sak
field-deadline = Frist
field-responsible = Ansvarlig person
field-statement = Høringssvar
field-approved_by = Vedtatt av (organ)
field-approved_on = Vedtatt dato
field-sent_on = Sendt dato

# Vedlegg til innspill.
field-attachments = Vedlegg
call-attachments-hint = Valgfritt: opptil { $files } filer på høyst { $mb } MB hver. Godtatt: { $allowed }.
call-attachments-kept = Filene dine ble ikke tatt vare på: velg dem på nytt før du sender.
call-col-attachments = Vedlegg
problem-file-too-large = «{ $name }» er større enn { $max } MB. Velg en mindre fil eller send den i deler.
problem-file-type = «{ $name }» kan ikke legges ved. Godtatte filtyper: { $allowed }.
problem-too-many-files = { $max ->
    [one] Legg ved høyst én fil.
   *[other] Legg ved høyst { $max } filer.
}
