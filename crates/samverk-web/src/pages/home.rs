//! The front page: each authority with its plans and engagements.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use samverk_store::organisation::AuthorityOverview;

use crate::i18n::I18n;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(home))
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
struct HomePage {
    i: I18n,
    authorities: Vec<AuthorityOverview>,
}

async fn home(i: I18n, State(state): State<AppState>) -> Result<HomePage, AppError> {
    Ok(HomePage { i, authorities: state.store.authorities_overview().await? })
}
