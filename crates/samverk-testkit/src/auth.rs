//! Who a [`TestApp`] acts as. By default an administrator of every authority, signed in with a
//! session (pages) and a write token (API), so tests of pages and API need no sign-in steps;
//! [`TestApp::as_role`], [`TestApp::anonymous`] and [`TestApp::view_as`] act as others.

use std::sync::atomic::{AtomicU64, Ordering};

use samverk_domain::access::AccessRole;
use samverk_store::Store;
use samverk_store::account::Scope;

use crate::TestApp;

/// The credentials a test's requests carry.
#[derive(Debug, Clone, Default)]
pub struct Credentials {
    /// The session cookie's secret, sent with page requests.
    pub session: Option<String>,
    /// The session's anti-forgery token, added to every posted form.
    pub csrf: Option<String>,
    /// An API token, sent as `Authorization: Bearer` with `/api/` requests.
    pub bearer: Option<String>,
    /// The account, when signed in.
    pub account_id: Option<i64>,
}

static NEXT_ACCOUNT: AtomicU64 = AtomicU64::new(0);

/// Creates an account holding `role` at `authority` (`None`: every authority), with a session
/// and a write token, straight through the store (no password: tests need no hashing).
///
/// # Panics
/// When the account cannot be created.
pub async fn sign_in(store: &Store, role: AccessRole, authority: Option<i64>) -> Credentials {
    let n = NEXT_ACCOUNT.fetch_add(1, Ordering::Relaxed);
    let username = format!("testkit-{}-{n}", role.code());
    let id = store.create_account(&username, &format!("Test {}", role.code()), None).await.expect("create the test account");
    store.grant_role(id, authority, role).await.expect("give the test account its role");
    let (session, csrf) = store.create_session(id).await.expect("start the test session");
    let bearer = store.create_api_token(id, "testkit", Scope::Write).await.expect("issue the test token");
    Credentials { session: Some(session), csrf: Some(csrf), bearer: Some(bearer), account_id: Some(id) }
}

impl TestApp {
    /// A fresh app acting as an account holding `role` at every authority.
    pub async fn as_role(role: AccessRole) -> Self {
        let mut app = Self::new().await;
        app.auth = sign_in(&app.store, role, None).await;
        app
    }

    /// A fresh app acting as the anonymous public (no session, no token).
    pub async fn anonymous() -> Self {
        let mut app = Self::new().await;
        app.auth = Credentials::default();
        app
    }

    /// The same app and database, acting as a new account holding `role` at `authority`
    /// (`None`: every authority).
    pub async fn view_as(&self, role: AccessRole, authority: Option<i64>) -> Self {
        let mut view = self.view();
        view.auth = sign_in(&self.store, role, authority).await;
        view
    }

    /// The same app and database, acting as the anonymous public.
    #[must_use]
    pub fn view_anonymous(&self) -> Self {
        let mut view = self.view();
        view.auth = Credentials::default();
        view
    }

    /// The same app and database, acting with the given credentials.
    #[must_use]
    pub fn view_with(&self, auth: Credentials) -> Self {
        let mut view = self.view();
        view.auth = auth;
        view
    }

    fn view(&self) -> Self {
        Self {
            store: self.store.clone(),
            router: self.router.clone(),
            url: self.url.clone(),
            auth: self.auth.clone(),
            _dir: self._dir.clone(),
        }
    }
}
