## JSON API: problem documents
api-error-not_found-title = Hittades inte
api-error-not_found-text = Ingen post har detta id, eller så finns inget på den här adressen.
api-error-invalid_input-title = Uppgifterna kunde inte sparas
api-error-invalid_input-text = Några fält behöver rättas; se `errors`. Inget har sparats.
api-error-in_use-title = Används fortfarande
api-error-in_use-text = Andra poster hänvisar fortfarande till den här, så den kan inte tas bort. Ta bort de hänvisningarna först.
api-error-bad_request-title = Felaktig begäran
api-error-bad_request-text = Begäran kunde inte tolkas.
api-error-method_not_allowed-title = Metoden är inte tillåten
api-error-method_not_allowed-text = Den här adressen stöder inte metoden; huvudet Allow anger vilka den stöder.
api-error-internal-title = Något gick fel
api-error-internal-text = Felet har loggats. Inget har sparats. Försök igen senare.

## JSON API: request bodies and query strings that cannot be read
api-body-not-json = Begärans innehåll är inte giltig JSON: { $reason }
api-body-wrong-shape = Begärans innehåll har inte de förväntade fälten och typerna: { $reason }
api-body-content-type = Skicka innehållet som JSON, med huvudet Content-Type: application/json.
api-body-unreadable = Begärans innehåll kunde inte läsas.
api-query-unreadable = Frågesträngen kunde inte läsas: { $reason }
