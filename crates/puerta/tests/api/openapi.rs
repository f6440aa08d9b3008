/// Every route the application serves, by method and OpenAPI path. Adding a route means adding it
/// here, and the test then fails until the route is also in the document.
const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/v1/ports"),
    ("get", "/api/v1/ports/{code}"),
    ("get", "/healthz"),
    ("get", "/readyz"),
    ("get", "/metrics"),
    ("post", "/api/v1/accounts"),
    ("post", "/api/v1/accounts/verify"),
    ("post", "/api/v1/accounts/verify/resend"),
    ("post", "/api/v1/password-resets"),
    ("post", "/api/v1/password-resets/complete"),
    ("get", "/api/v1/challenge"),
    ("post", "/api/v1/travelers"),
    ("get", "/api/v1/travelers"),
    ("put", "/api/v1/travelers/{id}"),
    ("delete", "/api/v1/travelers/{id}"),
    ("post", "/api/v1/applications"),
    ("get", "/api/v1/cases"),
    ("get", "/api/v1/cases/{reference_number}"),
    ("post", "/api/v1/cases/{reference_number}/evidence-answered"),
    ("post", "/api/v1/cases/{reference_number}/appeal"),
    ("get", "/api/v1/staff/reason-codes"),
    ("post", "/api/v1/staff/cases/{reference_number}/claim"),
    ("post", "/api/v1/staff/cases/{reference_number}/transitions"),
    ("post", "/api/v1/staff/cases/{reference_number}/evidence-requests"),
    ("post", "/api/v1/staff/cases/{reference_number}/decision"),
    ("post", "/api/v1/staff/cases/{reference_number}/appeal-decision"),
    ("get", "/api/v1/staff/cases/{reference_number}/checks"),
    ("post", "/api/v1/staff/cases/{reference_number}/checks"),
    ("put", "/api/v1/admin/watchlist"),
    ("post", "/api/v1/cases/{reference_number}/withdrawal"),
    ("get", "/api/v1/staff/queue"),
    ("get", "/api/v1/staff/cases/{reference_number}"),
    ("post", "/api/v1/staff/cases/{reference_number}/notes"),
    ("put", "/api/v1/staff/cases/{reference_number}/assignment"),
    ("get", "/api/v1/admin/reason-codes"),
    ("post", "/api/v1/admin/reason-codes"),
    ("delete", "/api/v1/admin/reason-codes/{code}"),
    ("post", "/api/v1/cases/{reference_number}/documents"),
    ("get", "/api/v1/documents/{id}"),
    ("post", "/api/v1/sessions"),
    ("delete", "/api/v1/sessions/current"),
    ("post", "/api/v1/sessions/wasnt-me"),
    ("get", "/api/v1/me"),
    ("get", "/api/v1/dashboard"),
    ("patch", "/api/v1/me"),
    ("post", "/api/v1/me/password"),
    ("post", "/api/v1/me/email"),
    ("post", "/api/v1/me/email/confirm"),
    ("post", "/api/v1/me/totp"),
    ("post", "/api/v1/me/totp/confirm"),
    ("get", "/api/v1/me/export"),
    ("post", "/api/v1/me/deletion"),
    ("get", "/api/v1/staff/overview"),
    ("get", "/api/v1/admin/users"),
    ("patch", "/api/v1/admin/users/{id}"),
    ("post", "/api/v1/admin/users/{id}/mfa-reset"),
    ("get", "/api/v1/admin/audit"),
    ("get", "/api/v1/admin/deliveries"),
    ("get", "/api/v1/partner/overview"),
    ("get", "/api/v1/entry-requirements"),
    ("get", "/api/v1/entry-requirements/{slug}"),
    ("get", "/api/v1/draws/{date}"),
    ("get", "/api/v1/draws/{date}/results"),
    ("put", "/api/v1/admin/draws/{date}/public-randomness"),
    ("post", "/api/v1/appointment-requests"),
    ("get", "/api/v1/appointment-requests"),
    ("delete", "/api/v1/appointment-requests/{id}"),
    ("get", "/api/v1/appointments"),
    ("get", "/api/v1/appointments/{id}"),
    ("post", "/api/v1/appointments/{id}/confirm"),
    ("post", "/api/v1/appointments/{id}/cancel"),
    ("get", "/api/v1/appointments/outlook"),
    ("post", "/api/v1/travelers/{id}/photo"),
    ("get", "/api/v1/staff/ports/{code}/days/{date}"),
    ("post", "/api/v1/staff/appointments/{confirmation_number}/check-in"),
    ("get", "/api/v1/appointments/validate"),
    ("get", "/api/v1/admin/scheduling"),
    ("put", "/api/v1/admin/scheduling"),
    ("put", "/api/v1/admin/capacity"),
    ("post", "/api/v1/staff/appointments/{id}/cancellation"),
    ("post", "/api/v1/threads"),
    ("get", "/api/v1/threads"),
    ("get", "/api/v1/threads/{id}"),
    ("post", "/api/v1/threads/{id}/messages"),
    ("get", "/api/v1/staff/threads"),
    ("post", "/api/v1/staff/threads/{id}/assignment"),
    ("get", "/api/v1/notifications"),
    ("post", "/api/v1/notifications/{id}/read"),
    ("post", "/api/v1/notifications/{id}/dismiss"),
    ("get", "/api/v1/notifications/unread-count"),
    ("get", "/api/v1/notifications/stream"),
    ("get", "/api/v1/me/notification-preferences"),
    ("put", "/api/v1/me/notification-preferences"),
    ("post", "/api/v1/admin/notices"),
    ("get", "/api/v1/admin/notices"),
];

on_both_backends! {
    async fn the_openapi_document_is_3_1_and_lists_every_route(app) {
        // A drawn day, so that the public draw routes have something to answer with.
        app.app.scheduler_round().await.expect("the scheduler makes today's draw");
        app.app.run_draw(&Default::default(), "2026-11-18").await.expect("an empty draw runs");
        let response = app.get("/api/v1/openapi.json").await;
        assert_eq!(response.status(), 200);
        let doc: serde_json::Value = response.json().await.expect("json");
        assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")), "{}", doc["openapi"]);
        for (method, path) in ROUTES {
            assert!(doc["paths"][path][method].is_object(), "{method} {path} missing from the OpenAPI document");
            let served = app.client.request(method.to_uppercase().parse().expect("method"), app.url(&path.replace("{code}", "SYS").replace("{id}", "x").replace("{slug}", "documents-to-bring").replace("{date}", "2026-11-18").replace("{confirmation_number}", "0123456789A"))).send().await.expect("sent");
            // `/metrics` is off (404) without a metrics token; `hardening.rs` tests it with one.
            if *path != "/metrics" {
                assert_ne!(served.status(), 404, "{method} {path} is documented but not served");
            }
        }
        let documented = doc["paths"].as_object().map_or(0, |p| p.values().map(|m| m.as_object().map_or(0, |m| m.len())).sum());
        assert_eq!(documented, ROUTES.len(), "the document lists routes this test does not know");
        assert!(doc["components"]["schemas"]["Problem"].is_object(), "problem schema");
        assert!(doc["paths"]["/api/v1/ports/{code}"]["get"]["responses"]["404"]["content"]["application/problem+json"].is_object());
    }

    async fn the_api_docs_page_is_served_from_the_binary(app) {
        let response = app.get("/api/docs/").await;
        assert_eq!(response.status(), 200);
        let html = response.text().await.expect("html");
        assert!(html.contains("swagger-ui"), "{html}");
        for asset in ["/api/docs/swagger-ui.css", "/api/docs/swagger-ui-bundle.js", "/api/docs/swagger-initializer.js"] {
            assert_eq!(app.get(asset).await.status(), 200, "{asset}");
        }
        assert!(!html.contains("https://"), "no third-party assets");
    }
}

/// Operations behind a throttle, a per-account guard or a pressure limit: they may answer 429
/// with `Retry-After`. Adding a throttle to an operation means adding it here (and `Throttled`
/// to its `responses`); the test fails both ways.
const THROTTLED: &[(&str, &str)] = &[
    ("post", "/api/v1/accounts"),
    ("post", "/api/v1/accounts/verify"),
    ("post", "/api/v1/accounts/verify/resend"),
    ("post", "/api/v1/password-resets"),
    ("post", "/api/v1/password-resets/complete"),
    ("post", "/api/v1/sessions"),
    ("post", "/api/v1/me/password"),
    ("post", "/api/v1/me/email"),
    ("post", "/api/v1/me/totp/confirm"),
    ("post", "/api/v1/me/deletion"),
    ("get", "/api/v1/appointments/validate"),
    ("post", "/api/v1/threads"),
    ("post", "/api/v1/threads/{id}/messages"),
];

/// Operations that may ask a busy source address for a proof of work (428 `proof_required`).
const PROOF_REQUIRED: &[(&str, &str)] = &[
    ("post", "/api/v1/accounts"),
    ("post", "/api/v1/accounts/verify/resend"),
    ("post", "/api/v1/password-resets"),
    ("post", "/api/v1/sessions"),
    ("post", "/api/v1/me/email"),
];

/// Every `(method, path, operation)` of the document.
fn operations(doc: &serde_json::Value) -> Vec<(String, String, serde_json::Value)> {
    let mut all = Vec::new();
    for (path, methods) in doc["paths"].as_object().expect("paths") {
        for (method, operation) in methods.as_object().expect("methods") {
            all.push((method.clone(), path.clone(), operation.clone()));
        }
    }
    all
}

fn statuses(operation: &serde_json::Value) -> Vec<&str> {
    operation["responses"].as_object().map_or_else(Vec::new, |r| r.keys().map(String::as_str).collect())
}

fn takes_json(operation: &serde_json::Value) -> bool {
    operation["requestBody"]["content"]["application/json"].is_object()
}

fn signed_in(operation: &serde_json::Value) -> bool {
    operation["security"].as_array().is_some_and(|s| !s.is_empty())
}

fn has_params(operation: &serde_json::Value, location: &str) -> bool {
    operation["parameters"].as_array().is_some_and(|p| p.iter().any(|p| p["in"] == location))
}

/// A path with its parameters filled in with values of the right shape.
fn concrete(path: &str) -> String {
    path.replace("{code}", "SYS")
        .replace("{id}", "0b9f7c3e2f6a4c1e9d1a7a0e5a3c2b11")
        .replace("{slug}", "documents-to-bring")
        .replace("{reference_number}", "PUE4829301758")
        .replace("{date}", "2026-11-18")
        .replace("{confirmation_number}", "0123456789A")
}

async fn document(app: &crate::helpers::TestApp) -> serde_json::Value {
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("json")
}

/// The schema of property `field` of component `schema`.
fn property<'a>(doc: &'a serde_json::Value, schema: &str, field: &str) -> &'a serde_json::Value {
    let found = &doc["components"]["schemas"][schema]["properties"][field];
    assert!(found.is_object(), "{schema}.{field} is not in the document");
    found
}

#[tokio::test]
async fn every_operation_lists_the_problems_it_can_answer() {
    let app = crate::helpers::TestApp::sqlite().await;
    let doc = document(&app).await;
    for (method, path, operation) in operations(&doc) {
        let op = format!("{} {path}", method.to_uppercase());
        let listed = statuses(&operation);
        let must = |status: &str, why: &str| {
            assert!(listed.contains(&status), "{op} does not list {status} ({why})")
        };
        if takes_json(&operation) {
            must("400", "malformed JSON");
            must("413", "a body over the limit");
            must("415", "a body that is not application/json");
            must("422", "invalid fields");
        }
        if signed_in(&operation) {
            must("401", "no session");
            if method != "get" {
                must("403", "a cookie session's write without the CSRF token");
            }
        }
        if has_params(&operation, "query") {
            must("400", "an unreadable query string");
            must("422", "a refused parameter");
        }
        if has_params(&operation, "path") {
            must("404", "a path parameter that names nothing");
        }
        let key = (method.as_str(), path.as_str());
        let throttled = THROTTLED.iter().any(|&(m, p)| (m, p) == key);
        assert_eq!(
            listed.contains(&"429"),
            throttled,
            "{op}: 429 listed but not in THROTTLED, or the reverse"
        );
        if throttled {
            let retry_after = &operation["responses"]["429"]["headers"]["Retry-After"];
            assert_eq!(retry_after["schema"]["type"], "integer", "{op}: 429 documents Retry-After");
        }
        let proof = PROOF_REQUIRED.iter().any(|&(m, p)| (m, p) == key);
        assert_eq!(
            listed.contains(&"428"),
            proof,
            "{op}: 428 listed but not in PROOF_REQUIRED, or the reverse"
        );
        for status in listed.iter().filter(|s| s.starts_with('4') || s.starts_with('5')) {
            let content = operation["responses"][*status]["content"].as_object().cloned().unwrap_or_default();
            assert_eq!(
                content.keys().collect::<Vec<_>>(),
                ["application/problem+json"],
                "{op} {status}: problem+json only"
            );
            assert_eq!(
                content["application/problem+json"]["schema"]["$ref"], "#/components/schemas/Problem",
                "{op} {status}: the Problem schema"
            );
        }
    }
    for (method, path) in THROTTLED.iter().chain(PROOF_REQUIRED) {
        assert!(doc["paths"][path][method].is_object(), "{method} {path} is not an operation");
    }
}

/// What the document promises for bodies and sessions, checked against the server: each JSON
/// operation answers 415 to a body of another type and 400 to broken JSON, each signed-in one
/// 401 without a token, and every one of those answers is listed.
#[tokio::test]
async fn the_listed_problems_are_the_ones_the_server_answers() {
    let app = crate::helpers::TestApp::sqlite().await;
    let doc = document(&app).await;
    app.verified_traveler("openapi@example.org", crate::helpers::PASSWORD).await;
    let token = app.token("openapi@example.org", crate::helpers::PASSWORD).await;
    for (method, path, operation) in operations(&doc) {
        let op = format!("{} {path}", method.to_uppercase());
        let method: reqwest::Method = method.to_uppercase().parse().expect("method");
        let url = app.url(&concrete(&path));
        let listed = statuses(&operation);
        let mut answers = Vec::new();
        if signed_in(&operation) {
            let anonymous = app.client.request(method.clone(), &url).send().await.expect("sent");
            assert_eq!(anonymous.status(), 401, "{op} without a token");
            answers.push(("no token", anonymous));
        }
        if takes_json(&operation) {
            let send = |content_type: &'static str, body: &'static str| {
                app.client
                    .request(method.clone(), &url)
                    .bearer_auth(&token)
                    .header("content-type", content_type)
                    .body(body)
                    .send()
            };
            let plain = send("text/plain", "{}").await.expect("sent");
            assert_eq!(plain.status(), 415, "{op} with a text/plain body");
            answers.push(("text/plain", plain));
            let broken = send("application/json", "{\"email\": ").await.expect("sent");
            assert_eq!(broken.status(), 400, "{op} with broken JSON");
            answers.push(("broken JSON", broken));
        }
        for (what, answer) in answers {
            let status = answer.status().as_str().to_string();
            assert!(
                listed.contains(&status.as_str()),
                "{op} answered {status} ({what}), which it does not list"
            );
            let content_type =
                answer.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
            assert_eq!(content_type, "application/problem+json", "{op} ({what})");
        }
    }
}

/// Field formats and limits in the document are the domain's own.
#[tokio::test]
async fn field_limits_are_the_domains() {
    use puerta_domain::accounts::{EmailAddress, FullName, NewPassword};
    let app = crate::helpers::TestApp::sqlite().await;
    let doc = document(&app).await;
    for (schema, field) in [
        ("RegisterBody", "password"),
        ("PasswordBody", "new_password"),
        ("CompleteResetBody", "new_password"),
    ] {
        let p = property(&doc, schema, field);
        assert_eq!(p["minLength"], NewPassword::MIN_CHARS, "{schema}.{field}");
        assert_eq!(p["maxLength"], NewPassword::MAX_CHARS, "{schema}.{field}");
    }
    for (schema, field) in [
        ("RegisterBody", "email"),
        ("VerifyBody", "email"),
        ("EmailBody", "email"),
        ("SignInBody", "email"),
        ("EmailChangeBody", "new_email"),
        ("MeBody", "email"),
    ] {
        let p = property(&doc, schema, field);
        assert_eq!(p["format"], "email", "{schema}.{field}");
        assert_eq!(p["maxLength"], EmailAddress::MAX_LEN, "{schema}.{field}");
    }
    let name = property(&doc, "RegisterBody", "full_name");
    assert_eq!(
        (name["minLength"].as_u64(), name["maxLength"].as_u64()),
        (Some(1), Some(FullName::MAX_CHARS as u64))
    );
    for (schema, field) in [
        ("VerifyBody", "code"),
        ("CodeBody", "code"),
        ("TotpConfirmBody", "code"),
        ("CompleteResetBody", "code"),
    ] {
        assert_eq!(property(&doc, schema, field)["pattern"], "^[0-9]{6}$", "{schema}.{field}");
    }
    let enum_of = |name: &str| -> Vec<String> {
        let values =
            doc["components"]["schemas"][name]["enum"].as_array().unwrap_or_else(|| panic!("{name} enum"));
        values.iter().map(|v| v.as_str().expect("text").to_string()).collect()
    };
    let codes = |all: Vec<&str>| all.into_iter().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(enum_of("LanguageCode"), codes(puerta_i18n::Language::ALL.iter().map(|l| l.code()).collect()));
    assert_eq!(
        enum_of("RoleName"),
        codes(puerta_domain::accounts::Role::ALL.iter().map(|r| r.as_str()).collect())
    );
    assert_eq!(
        enum_of("DeliveryStatusName"),
        codes(puerta_domain::delivery::DeliveryStatus::ALL.iter().map(|s| s.as_str()).collect())
    );
    assert_eq!(property(&doc, "RegisterBody", "language")["$ref"], "#/components/schemas/LanguageCode");
    for (path, maximum) in [
        ("/api/v1/ports", 100),
        ("/api/v1/entry-requirements", 100),
        ("/api/v1/admin/users", 500),
        ("/api/v1/admin/audit", 500),
        ("/api/v1/admin/deliveries", 200),
    ] {
        let params = doc["paths"][path]["get"]["parameters"].as_array().expect("parameters");
        let limit = params.iter().find(|p| p["name"] == "limit").expect("limit");
        assert_eq!(
            (limit["schema"]["minimum"].as_i64(), limit["schema"]["maximum"].as_i64()),
            (Some(1), Some(maximum)),
            "{path} limit"
        );
        assert!(params.iter().any(|p| p["name"] == "cursor"), "{path} cursor");
    }
}
