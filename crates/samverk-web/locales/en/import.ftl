## Imported records (engagements from public data sets)
import-imported = Imported from public data, not a decision of the authority.
import-imported-from = Source:
