## JSON API: problem documents
api-error-not_found-title = Ikke funnet
api-error-not_found-text = Ingen registrering har denne id-en, eller ingenting tilbys på denne adressen.
api-error-invalid_input-title = Opplysningene kunne ikke lagres
api-error-invalid_input-text = Noen felt må rettes; se `errors`. Ingenting er lagret.
api-error-in_use-title = Fortsatt i bruk
api-error-in_use-text = Andre registreringer viser fortsatt til denne, så den kan ikke slettes. Fjern disse henvisningene først.
api-error-bad_request-title = Ugyldig forespørsel
api-error-bad_request-text = Forespørselen kunne ikke forstås.
api-error-method_not_allowed-title = Metoden er ikke tillatt
api-error-method_not_allowed-text = Denne adressen tilbyr ikke denne metoden; Allow-headeren viser hvilke den tilbyr.
api-error-internal-title = Noe gikk galt
api-error-internal-text = Feilen er logget. Ingenting er lagret. Prøv igjen senere.

## JSON API: request bodies and query strings that cannot be read
api-body-not-json = Forespørselens innhold er ikke gyldig JSON: { $reason }
api-body-wrong-shape = Forespørselens innhold har ikke de forventede feltene og typene: { $reason }
api-body-content-type = Send innholdet som JSON, med headeren Content-Type: application/json.
api-body-unreadable = Forespørselens innhold kunne ikke leses.
api-query-unreadable = Spørrestrengen kunne ikke leses: { $reason }
