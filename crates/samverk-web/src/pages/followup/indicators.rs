//! Indicators: the form on a goal, and each indicator's page with its status by the rule, the
//! chart of its series against the target line with the same figures as a table, and the
//! form for a new measurement.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::indicator::{Direction, IndicatorDraft, MeasurementDraft};
use samverk_domain::input::format_date;
use samverk_store::StoreError;
use samverk_store::indicator::{Indicator, Measurement, year};

use super::chart::{indicator_chart, number};
use super::{rejected, status_label};
use crate::i18n::I18n;
use crate::pages::form::{self, Choice, see_other};
use crate::pages::organisations::path_id;
use crate::{AppError, AppState};

#[derive(Template, WebTemplate)]
#[template(path = "followup/indicator_form.html")]
pub(super) struct FormPage {
    i: I18n,
    goal_id: i64,
    goal_title: String,
    draft: IndicatorDraft,
    errors: ValidationErrors,
    directions: Vec<Choice>,
}

async fn form_page(i: I18n, state: &AppState, goal_id: i64, draft: IndicatorDraft, errors: ValidationErrors) -> Result<FormPage, AppError> {
    let (goal, _) = state.store.goal(goal_id).await?.ok_or(AppError::NotFound)?;
    let direction = if draft.direction.trim().is_empty() { "higher" } else { draft.direction.trim() };
    let directions = form::codes(Direction::ALL, Direction::code, |d| i.t(&format!("followup-direction-{}", d.code())), direction);
    Ok(FormPage { goal_title: goal.title.unwrap_or_else(|| i.t("followup-untitled-goal")), i, goal_id, draft, errors, directions })
}

pub(super) async fn new(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<FormPage, AppError> {
    form_page(i, &state, path_id(&id)?, IndicatorDraft::default(), form::no_errors()).await
}

pub(super) async fn create(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(posted): Form<IndicatorDraft>,
) -> Result<Response, AppError> {
    let goal_id = path_id(&id)?;
    match state.store.create_indicator(goal_id, &posted).await {
        Ok(id) => Ok(see_other(&format!("/indicators/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) => Ok(rejected(form_page(i, &state, goal_id, posted, errors).await?)),
        Err(other) => Err(other.into()),
    }
}

/// One row of the data table beside the chart.
pub(super) struct TableRow {
    year: i64,
    value: String,
    expected: String,
    source: String,
    measured_on: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "followup/indicator.html")]
pub(super) struct ShowPage {
    i: I18n,
    ind: Indicator,
    direction: String,
    baseline: String,
    target: String,
    status: String,
    status_code: &'static str,
    explanation: String,
    chart: String,
    rows: Vec<TableRow>,
    draft: MeasurementDraft,
    errors: ValidationErrors,
}

fn show_page(i: I18n, ind: Indicator, measurements: &[Measurement], draft: MeasurementDraft, errors: ValidationErrors) -> ShowPage {
    let spec = ind.spec();
    let series: Vec<(i32, f64)> = measurements.iter().map(|m| (year(m.year), m.value)).collect();
    let assessment = spec.assess(&series);
    let explanation = match (assessment.year, assessment.achieved, assessment.expected) {
        (Some(y), Some(a), Some(e)) => i.ta(
            "followup-explanation",
            &[
                ("year", y.to_string().into()),
                ("achieved", format!("{:.0}", a * 100.0).into()),
                ("expected", format!("{:.0}", e * 100.0).into()),
            ],
        ),
        _ => i.t("followup-explanation-no-data"),
    };
    let chart = indicator_chart(&i, &ind, &series).svg();
    let rows = measurements
        .iter()
        .map(|m| TableRow {
            year: m.year,
            value: number(m.value),
            expected: number(spec.expected_value(year(m.year))),
            source: m.source.clone(),
            measured_on: m.measured_on.map(format_date).unwrap_or_default(),
        })
        .collect();
    ShowPage {
        direction: i.t(&format!("followup-direction-{}", ind.direction.code())),
        baseline: format!("{} {} ({})", number(ind.baseline_value), ind.unit, ind.baseline_year),
        target: format!("{} {} ({})", number(ind.target_value), ind.unit, ind.target_year),
        status: status_label(&i, assessment.status),
        status_code: assessment.status.code(),
        explanation,
        chart,
        rows,
        draft,
        errors,
        ind,
        i,
    }
}

pub(super) async fn show(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<ShowPage, AppError> {
    let (ind, measurements) = state.store.indicator(path_id(&id)?).await?.ok_or(AppError::NotFound)?;
    Ok(show_page(i, ind, &measurements, MeasurementDraft::default(), form::no_errors()))
}

pub(super) async fn add_measurement(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(posted): Form<MeasurementDraft>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    match state.store.add_measurement(id, &posted).await {
        Ok(_) => Ok(see_other(&format!("/indicators/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) => {
            let (ind, measurements) = state.store.indicator(id).await?.ok_or(AppError::NotFound)?;
            Ok(rejected(show_page(i, ind, &measurements, posted, errors)))
        }
        Err(other) => Err(other.into()),
    }
}
