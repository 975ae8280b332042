## Imported records (engagements from public data sets)
import-imported = Importert fra åpne data, ikke et vedtak i organisasjonen.
import-imported-from = Kilde:
