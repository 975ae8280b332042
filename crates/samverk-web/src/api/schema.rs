//! Schemas for the closed codes in responses: the domain's enums serialise as their stable
//! codes, and the document lists those codes so clients can rely on them.

use samverk_domain::decision::DatePrecision;
use samverk_domain::engagement::{EngagementKind, EngagementStatus, Role};
use samverk_domain::organisation::OrganisationKind;
use samverk_domain::plan::{Beneficiary, PlanKind, PlanStatus};
use time::Date;
use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};

fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Object {
    ObjectBuilder::new().schema_type(Type::String).enum_values(Some(all.iter().map(|v| code(*v)))).build()
}

pub fn organisation_kind() -> Object {
    codes(OrganisationKind::ALL, OrganisationKind::code)
}

pub fn engagement_kind() -> Object {
    codes(EngagementKind::ALL, EngagementKind::code)
}

pub fn engagement_status() -> Object {
    codes(EngagementStatus::ALL, EngagementStatus::code)
}

pub fn role() -> Object {
    codes(Role::ALL, Role::code)
}

pub fn plan_kind() -> Object {
    codes(PlanKind::ALL, PlanKind::code)
}

pub fn plan_status() -> Object {
    codes(PlanStatus::ALL, PlanStatus::code)
}

pub fn date_precision() -> Object {
    codes(DatePrecision::ALL, DatePrecision::code)
}

/// A goal's beneficiary, or null when the plan does not group its goals that way.
pub fn beneficiary() -> Object {
    let values = Beneficiary::ALL.iter().map(|b| serde_json::Value::from(b.code())).chain([serde_json::Value::Null]);
    ObjectBuilder::new().schema_type(SchemaType::from_iter([Type::String, Type::Null])).enum_values(Some(values)).build()
}

/// A date as the API writes it (`YYYY-MM-DD`, the shape the drafts accept).
pub fn date(date: Date) -> String {
    samverk_domain::input::format_date(date)
}

pub fn opt_date(date: Option<Date>) -> Option<String> {
    date.map(self::date)
}
