## JSON API: problem documents
api-error-not_found-title = Not found
api-error-not_found-text = No record has this id, or nothing is served at this address.
api-error-invalid_input-title = The input could not be saved
api-error-invalid_input-text = Some fields need attention; see `errors`. Nothing was saved.
api-error-in_use-title = Still in use
api-error-in_use-text = This record is still referred to by other records and cannot be deleted. Remove those references first.
api-error-bad_request-title = Bad request
api-error-bad_request-text = The request could not be understood.
api-error-method_not_allowed-title = Method not allowed
api-error-method_not_allowed-text = This address does not serve this method; the Allow header lists the ones it serves.
api-error-internal-title = Something went wrong
api-error-internal-text = The error has been logged. Nothing was saved. Please try again later.

## JSON API: request bodies and query strings that cannot be read
api-body-not-json = The request body is not valid JSON: { $reason }
api-body-wrong-shape = The request body does not have the expected fields and types: { $reason }
api-body-content-type = Send the request body as JSON, with the header Content-Type: application/json.
api-body-unreadable = The request body could not be read.
api-query-unreadable = The query string could not be read: { $reason }

