//! The authorization matrix of every case endpoint (issue 10): the account holder (A), another
//! traveler (B), an officer, a supervisor, an admin and a partner, each against each endpoint,
//! with the status each must get. Refusals change nothing; a stranger's answer is the same 404
//! a missing case gets, so reference numbers cannot be probed.

use serde_json::json;

use crate::documents::{pdf, traveler_with_case, upload};
use crate::helpers::{PASSWORD, TestApp};

/// Who asks: A, B, officer, supervisor, admin, partner.
const WHO: [&str; 6] = ["A", "B", "officer", "supervisor", "admin", "partner"];

enum Body {
    None,
    Json(serde_json::Value),
}

struct Row {
    method: reqwest::Method,
    path: String,
    body: Body,
    /// The status for each of [`WHO`].
    expect: [u16; 6],
}

fn row(method: reqwest::Method, path: &str, body: Body, expect: [u16; 6]) -> Row {
    Row { method, path: path.to_string(), body, expect }
}

async fn staff_token(app: &TestApp, email: &str, role: &str) -> String {
    app.staff(email, role, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    app.enrol_totp(&token).await;
    token
}

on_both_backends! {
    async fn each_role_gets_exactly_what_the_access_policy_allows_on_each_case_endpoint(app) {
        let (a, case) = traveler_with_case(&app, "a@example.org").await;
        let (b, _) = traveler_with_case(&app, "b@example.org").await;
        let officer = staff_token(&app, "officer@example.org", "officer").await;
        let supervisor = staff_token(&app, "lead@example.org", "supervisor").await;
        let admin = staff_token(&app, "root@example.org", "admin").await;
        let partner = staff_token(&app, "shelter@example.org", "partner").await;
        let tokens = [&a, &b, &officer, &supervisor, &admin, &partner];
        let uploaded = upload(&app, &a, &case, "evidence", "birth.pdf", &pdf()).await;
        assert_eq!(uploaded.status(), 201);
        let document = uploaded.json::<serde_json::Value>().await.expect("json")["id"].as_str().expect("id").to_string();
        let officer_id = app.get_with("/api/v1/me", &officer).await.json::<serde_json::Value>().await.expect("json")["id"].as_str().expect("id").to_string();
        let traveler = json!({
            "given_name": "Ana", "family_name": "Pérez", "date_of_birth": "1991-01-02", "nationality": "MX",
            "country_of_birth": "MX", "city_of_birth": "Tapachula", "country_of_residence": "MX", "language": "es"
        });
        use reqwest::Method;
        let staff = |step: &str| format!("/api/v1/staff/cases/{case}/{step}");
        let mine = |step: &str| format!("/api/v1/cases/{case}/{step}");
        // In this order, each asker in the order of `WHO`: a refusal changes nothing, so each
        // row's statuses follow from the rows before it.
        let rows = [
            row(Method::GET, &format!("/api/v1/cases/{case}"), Body::None, [200, 404, 200, 200, 403, 403]),
            row(Method::GET, "/api/v1/cases", Body::None, [200, 200, 200, 200, 403, 403]),
            row(Method::GET, &format!("/api/v1/staff/cases/{case}"), Body::None, [403, 403, 200, 200, 403, 403]),
            row(Method::GET, "/api/v1/staff/queue", Body::None, [403, 403, 200, 200, 403, 403]),
            row(Method::GET, &format!("/api/v1/documents/{document}"), Body::None, [200, 404, 200, 200, 403, 403]),
            row(Method::GET, "/api/v1/staff/reason-codes", Body::None, [403, 403, 200, 200, 403, 403]),
            row(Method::GET, "/api/v1/admin/reason-codes", Body::None, [403, 403, 403, 403, 200, 403]),
            row(Method::GET, "/api/v1/travelers", Body::None, [200, 200, 403, 403, 403, 403]),
            row(Method::POST, "/api/v1/travelers", Body::Json(traveler), [201, 201, 403, 403, 403, 403]),
            row(Method::POST, &staff("notes"), Body::Json(json!({"body": "Seen."})), [403, 403, 201, 201, 403, 403]),
            row(Method::PUT, &staff("assignment"), Body::Json(json!({"officer_id": officer_id})), [403, 403, 403, 204, 403, 403]),
            row(Method::POST, &staff("claim"), Body::None, [403, 403, 204, 409, 403, 403]),
            row(Method::POST, &staff("transitions"), Body::Json(json!({"to": "in_review"})), [403, 403, 200, 409, 403, 403]),
            row(Method::POST, &mine("evidence-answered"), Body::None, [409, 404, 409, 409, 403, 403]),
            row(Method::POST, &staff("decision"), Body::Json(json!({"outcome": "denied", "reason_codes": ["incomplete_information"], "narrative": "Missing."})), [403, 403, 201, 409, 403, 403]),
            row(Method::POST, &mine("appeal"), Body::Json(json!({"statement": "Please."})), [201, 404, 403, 403, 403, 403]),
            row(Method::POST, &mine("withdrawal"), Body::None, [409, 404, 403, 403, 403, 403]),
            row(Method::POST, &staff("appeal-decision"), Body::Json(json!({"outcome": "granted", "narrative": "Fine."})), [403, 403, 403, 200, 403, 403]),
            row(Method::GET, &format!("/api/v1/cases/{case}"), Body::None, [200, 404, 200, 200, 403, 403]),
        ];
        for row in rows {
            for i in 0..WHO.len() {
                let mut request = app.client.request(row.method.clone(), app.url(&row.path)).bearer_auth(tokens[i]);
                if let Body::Json(body) = &row.body {
                    request = request.json(body);
                }
                let response = request.send().await.expect("sent");
                let status = response.status().as_u16();
                let text = response.text().await.unwrap_or_default();
                assert_eq!(status, row.expect[i], "{} {} as {}: {text}", row.method, row.path, WHO[i]);
            }
        }
    }
}
