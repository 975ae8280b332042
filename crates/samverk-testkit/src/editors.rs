//! Many editors writing one record at once over the API, each reading it, changing it and
//! sending it back with the `ETag` it read (issue 6, "no lost edit"). The test suite runs the
//! issue's short form; `cargo bench -p samverk-web --bench editors` the long form.

use std::time::{Duration, Instant};

use axum::http::Method;
use serde_json::Value;

use crate::TestApp;

/// What the editors saw.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every acknowledged write: the version its answer named and the title it wrote.
    pub acknowledged: Vec<(i64, String)>,
    /// Stale writes refused with 412: correct refusals, not losses.
    pub refused: usize,
    /// Any other answer, with its body: server errors among them.
    pub errors: Vec<String>,
    pub elapsed: Duration,
}

impl Outcome {
    /// The acknowledged writes that are not in the record's line of versions: two that share a
    /// version (one overwrote the other unseen), or a final state that is not the last
    /// acknowledged write. `final_state` is the record as read at the end.
    #[must_use]
    pub fn lost_updates(&self, final_state: &Value) -> usize {
        let mut versions: Vec<i64> = self.acknowledged.iter().map(|(v, _)| *v).collect();
        versions.sort_unstable();
        versions.dedup();
        let mut lost = self.acknowledged.len() - versions.len();
        if let Some((version, title)) = self.acknowledged.iter().max_by_key(|(v, _)| *v)
            && (final_state["title"] != title.as_str() || final_state["version"].as_i64() != Some(*version))
        {
            lost += 1;
        }
        lost
    }
}

/// `editors` tasks, each doing `rounds` of GET `path` then PUT of `body(read, title)` with
/// `If-Match`, all at once.
///
/// # Panics
/// When an editor's task panics.
pub async fn edit_concurrently(app: &TestApp, path: &str, editors: usize, rounds: usize, body: fn(&Value, &str) -> Value) -> Outcome {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for editor in 0..editors {
        let me = app.view_with(app.auth.clone());
        let path = path.to_owned();
        tasks.push(tokio::spawn(async move {
            let mut seen = Outcome::default();
            for round in 0..rounds {
                let read = me.get(&path).await;
                let tag = read.headers.get("etag").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
                let title = format!("editor {editor} round {round}");
                let write = me.send_json_if(Method::PUT, &path, &body(&read.json(), &title), Some(&tag)).await;
                match write.status.as_u16() {
                    200 => {
                        let version =
                            write.headers.get("etag").and_then(|v| v.to_str().ok()).and_then(|t| t.trim_matches('"').parse().ok());
                        seen.acknowledged.push((version.unwrap_or(-1), title));
                    }
                    412 => seen.refused += 1,
                    other => seen.errors.push(format!("{other}: {}", write.body)),
                }
            }
            seen
        }));
    }
    let mut all = Outcome::default();
    for task in tasks {
        let seen = task.await.expect("an editor's task");
        all.acknowledged.extend(seen.acknowledged);
        all.refused += seen.refused;
        all.errors.extend(seen.errors);
    }
    all.elapsed = started.elapsed();
    all
}
