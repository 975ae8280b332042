//! The time zones of the authorities samverk serves, with the EU summer-time rule, so that a
//! local deadline ("23:59 on 2023-12-27, Oslo time") becomes one instant without a tz database.
//!
//! Norway and Sweden both use CET (UTC+1) and CEST (UTC+2) from the last Sunday of March, 01:00
//! UTC, to the last Sunday of October, 01:00 UTC (EU directive 2000/84/EC, followed by Norway).

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

crate::code_enum! {
    /// A zone a call for input or a news item is stated in; Oslo unless said otherwise.
    #[derive(Default)]
    pub enum Zone { #[default] EuropeOslo => "Europe/Oslo", EuropeStockholm => "Europe/Stockholm" }
}

const CET: UtcOffset = match UtcOffset::from_hms(1, 0, 0) {
    Ok(o) => o,
    Err(_) => UtcOffset::UTC,
};
const CEST: UtcOffset = match UtcOffset::from_hms(2, 0, 0) {
    Ok(o) => o,
    Err(_) => UtcOffset::UTC,
};

/// The last Sunday of a month, at 01:00 UTC: when EU summer time starts (March) or ends (October).
fn switch(year: i32, month: Month) -> OffsetDateTime {
    let last = Date::from_calendar_date(year, month, month.length(year)).unwrap_or(Date::MIN);
    let back = i64::from(last.weekday().number_days_from_sunday());
    let sunday = last - time::Duration::days(back);
    PrimitiveDateTime::new(sunday, Time::from_hms(1, 0, 0).unwrap_or(Time::MIDNIGHT)).assume_utc()
}

impl Zone {
    /// The offset from UTC in force at an instant.
    #[must_use]
    pub fn offset_at(self, instant: OffsetDateTime) -> UtcOffset {
        // At the edge of the calendar (a placeholder date of a rejected form) there is no summer.
        let Some(utc) = instant.checked_to_offset(UtcOffset::UTC) else { return CET };
        let year = utc.year();
        if utc >= switch(year, Month::March) && utc < switch(year, Month::October) { CEST } else { CET }
    }

    /// The instant of a local wall-clock time. In the autumn hour that happens twice the
    /// earlier one is taken; a time in the skipped spring hour is read as winter time.
    #[must_use]
    pub fn instant(self, local: PrimitiveDateTime) -> OffsetDateTime {
        let summer = local.assume_offset(CEST);
        if self.offset_at(summer) == CEST { summer } else { local.assume_offset(CET) }
    }

    /// An instant as local time in this zone.
    #[must_use]
    pub fn local(self, instant: OffsetDateTime) -> OffsetDateTime {
        instant.to_offset(self.offset_at(instant))
    }

    /// "CET" or "CEST" at an instant, for stating the zone beside a time.
    #[must_use]
    pub fn abbreviation(self, instant: OffsetDateTime) -> &'static str {
        if self.offset_at(instant) == CEST { "CEST" } else { "CET" }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn winter_and_summer_offsets_follow_the_eu_rule() {
        let z = Zone::EuropeOslo;
        assert_eq!(z.offset_at(datetime!(2023-12-27 12:00 UTC)), CET);
        assert_eq!(z.offset_at(datetime!(2024-07-01 12:00 UTC)), CEST);
        // 2024: summer time from 31 March 01:00 UTC to 27 October 01:00 UTC.
        assert_eq!(z.offset_at(datetime!(2024-03-31 00:59 UTC)), CET);
        assert_eq!(z.offset_at(datetime!(2024-03-31 01:00 UTC)), CEST);
        assert_eq!(z.offset_at(datetime!(2024-10-27 00:59 UTC)), CEST);
        assert_eq!(z.offset_at(datetime!(2024-10-27 01:00 UTC)), CET);
    }

    #[test]
    fn local_times_become_instants() {
        let z = Zone::EuropeStockholm;
        assert_eq!(z.instant(datetime!(2023-12-27 23:59)), datetime!(2023-12-27 22:59 UTC));
        assert_eq!(z.instant(datetime!(2024-06-30 23:59)), datetime!(2024-06-30 21:59 UTC));
        // The autumn hour that happens twice: the earlier (summer) one.
        assert_eq!(z.instant(datetime!(2024-10-27 02:30)), datetime!(2024-10-27 00:30 UTC));
        assert_eq!(z.abbreviation(datetime!(2024-06-30 21:59 UTC)), "CEST");
    }
}
