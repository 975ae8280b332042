## Imported records (engagements from public data sets)
import-imported = Importerad från öppna data, inte ett beslut av organisationen.
import-imported-from = Källa:
