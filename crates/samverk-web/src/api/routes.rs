//! The API's route table, built from the handlers' own `#[utoipa::path]` annotations.
//!
//! Each handler is registered at the path and methods its annotation declares, so the router
//! cannot serve an operation somewhere other than where the OpenAPI document says; the table
//! of what is served is kept, so a test can compare it with the document and fail on a route
//! that is served but not listed in `ApiDoc`.

use std::collections::BTreeMap;

use axum::Router;
use axum::handler::Handler;
use axum::routing::{MethodFilter, MethodRouter};
use utoipa::openapi::path::HttpMethod;

use crate::AppState;

/// Routes under construction, with the (path, method) pairs they serve.
#[derive(Default)]
pub struct Routes {
    methods: BTreeMap<String, MethodRouter<AppState>>,
    served: Vec<(String, &'static str)>,
}

impl Routes {
    /// Serves `handler` where its documentation (`__path_<handler>`) says it is served.
    pub fn add<P: utoipa::Path, H: Handler<T, AppState>, T: 'static>(mut self, _documented: P, handler: H) -> Self {
        let path = P::path();
        for method in P::methods() {
            let router = self.methods.remove(&path).unwrap_or_default();
            self.methods.insert(path.clone(), router.on(filter(&method), handler.clone()));
            self.served.push((path.clone(), name(&method)));
        }
        self
    }

    /// Every (path, lower-case method) registered so far.
    #[must_use]
    pub fn served(&self) -> Vec<(String, &'static str)> {
        self.served.clone()
    }

    pub fn into_router(self) -> Router<AppState> {
        self.methods.into_iter().fold(Router::new(), |router, (path, methods)| router.route(&path, methods))
    }
}

const fn filter(method: &HttpMethod) -> MethodFilter {
    match method {
        HttpMethod::Get => MethodFilter::GET,
        HttpMethod::Post => MethodFilter::POST,
        HttpMethod::Put => MethodFilter::PUT,
        HttpMethod::Delete => MethodFilter::DELETE,
        HttpMethod::Options => MethodFilter::OPTIONS,
        HttpMethod::Head => MethodFilter::HEAD,
        HttpMethod::Patch => MethodFilter::PATCH,
        HttpMethod::Trace => MethodFilter::TRACE,
    }
}

/// The method as the OpenAPI document spells it.
const fn name(method: &HttpMethod) -> &'static str {
    match method {
        HttpMethod::Get => "get",
        HttpMethod::Post => "post",
        HttpMethod::Put => "put",
        HttpMethod::Delete => "delete",
        HttpMethod::Options => "options",
        HttpMethod::Head => "head",
        HttpMethod::Patch => "patch",
        HttpMethod::Trace => "trace",
    }
}
