//! Advance information and cases through the API (issue 10): a group of travelers, one
//! application, one case per traveler with a valid reference number; nobody else sees them.

use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, assert_problem, bearer_post as post};

fn traveler(given: &str) -> serde_json::Value {
    json!({
        "given_name": given, "family_name": "Joseph", "date_of_birth": "1990-07-04",
        "nationality": "HT", "country_of_birth": "HT", "city_of_birth": "Cap-Haïtien",
        "country_of_residence": "MX", "language": "ht", "gender": "non_binary",
        "document": {"type": "passport", "number": "ab 123 456", "issuing_country": "ht", "expiry_date": "2031-01-31"}
    })
}

fn destination() -> serde_json::Value {
    json!({"line1": "100 Main St", "city": "Brownsville", "state": "TX", "postal_code": "78520"})
}

/// Adds `n` travelers for `token` and answers their ids.
async fn group(app: &TestApp, token: &str, n: usize) -> Vec<String> {
    let mut ids = Vec::new();
    for i in 0..n {
        let r = post(app, token, "/api/v1/travelers", traveler(&format!("Marie{i}"))).await;
        assert_eq!(r.status(), 201);
        let body: serde_json::Value = r.json().await.expect("json");
        ids.push(body["id"].as_str().expect("id").to_string());
    }
    ids
}

on_both_backends! {
    async fn a_group_of_three_gets_three_valid_reference_numbers_and_nobody_else_sees_them(app) {
        app.verified_traveler("holder@example.org", PASSWORD).await;
        let token = app.token("holder@example.org", PASSWORD).await;
        let ids = group(&app, &token, 3).await;
        let listed: serde_json::Value = app.get_with("/api/v1/travelers", &token).await.json().await.expect("json");
        assert_eq!(listed["items"].as_array().map(Vec::len), Some(3));
        assert_eq!(listed["items"][0]["document"]["number"], "AB123456", "canonical document number");

        let r = post(&app, &token, "/api/v1/applications", json!({"traveler_ids": ids, "us_destination": destination()})).await;
        assert_eq!(r.status(), 201);
        let receipt: serde_json::Value = r.json().await.expect("json");
        let references: Vec<String> = receipt["cases"].as_array().expect("cases").iter()
            .map(|c| c["reference_number"].as_str().expect("ref").to_string()).collect();
        assert_eq!(references.len(), 3);
        for reference in &references {
            assert!(puerta_domain::cases::ReferenceNumber::parse(reference).is_ok(), "{reference} has a valid check digit");
            assert!(reference.starts_with("PUE"));
        }
        assert_eq!(receipt["cases"][0]["status"], "received");
        let mine: serde_json::Value = app.get_with("/api/v1/cases", &token).await.json().await.expect("json");
        assert_eq!(mine["items"].as_array().map(Vec::len), Some(3));
        let case: serde_json::Value = app.get_with(&format!("/api/v1/cases/{}", references[0]), &token).await.json().await.expect("json");
        assert_eq!(case["status"], "received");
        assert_eq!(case["events"].as_array().map(Vec::len), Some(1));

        // The receipt email holds every number, grouped for reading.
        let grouped = puerta_domain::cases::ReferenceNumber::parse(&references[2]).expect("ref").grouped();
        let mails = app.all_emails_to("holder@example.org").await;
        assert!(mails.iter().any(|m| m.contains(&grouped)), "the receipt email: {mails:?}");

        // Someone else: no travelers, no cases, and the case does not exist for them.
        app.verified_traveler("stranger@example.org", PASSWORD).await;
        let stranger = app.token("stranger@example.org", PASSWORD).await;
        let theirs: serde_json::Value = app.get_with("/api/v1/cases", &stranger).await.json().await.expect("json");
        assert_eq!(theirs["items"].as_array().map(Vec::len), Some(0));
        assert_problem(app.get_with(&format!("/api/v1/cases/{}", references[0]), &stranger).await, 404, "not_found").await;
        let r = post(&app, &stranger, "/api/v1/applications", json!({"traveler_ids": [ids[0]], "us_destination": destination()})).await;
        let body = assert_problem(r, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["field"], "traveler_ids");

        // The same traveler again while the case is open: refused, nothing stored.
        let again = post(&app, &token, "/api/v1/applications", json!({"traveler_ids": [ids[1]], "us_destination": destination()})).await;
        assert_problem(again, 409, "already_open").await;
        let mine: serde_json::Value = app.get_with("/api/v1/cases", &token).await.json().await.expect("json");
        assert_eq!(mine["items"].as_array().map(Vec::len), Some(3));
    }

    async fn a_mistyped_reference_is_caught_by_its_check_digit_before_any_lookup(app) {
        app.verified_traveler("typo@example.org", PASSWORD).await;
        let token = app.token("typo@example.org", PASSWORD).await;
        let body = assert_problem(app.get_with("/api/v1/cases/PUE4829301756", &token).await, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["code"], "reference_check_digit");
        assert_problem(app.get_with("/api/v1/cases/PUE4829301758", &token).await, 404, "not_found").await;
        assert_problem(app.get_with("/api/v1/cases/hello", &token).await, 422, "validation_failed").await;
    }

    async fn the_eleventh_traveler_is_refused_and_fields_are_explained(app) {
        app.verified_traveler("big@example.org", PASSWORD).await;
        let token = app.token("big@example.org", PASSWORD).await;
        group(&app, &token, 10).await;
        assert_problem(post(&app, &token, "/api/v1/travelers", traveler("Eleven")).await, 409, "group_full").await;
        app.verified_traveler("fields@example.org", PASSWORD).await;
        let other = app.token("fields@example.org", PASSWORD).await;
        let bad = json!({"given_name": "", "family_name": "X", "date_of_birth": "2999-01-01", "nationality": "XK",
            "country_of_birth": "HT", "city_of_birth": "Jacmel", "country_of_residence": "MX", "language": "tlh"});
        let body = assert_problem(post(&app, &other, "/api/v1/travelers", bad).await, 422, "validation_failed").await;
        let fields: Vec<&str> = body["errors"].as_array().expect("errors").iter().filter_map(|e| e["field"].as_str()).collect();
        assert_eq!(fields, ["given_name", "date_of_birth", "nationality", "language"], "{body}");
    }

    async fn staff_may_read_any_case_and_each_read_is_audited_while_admins_may_not(app) {
        app.verified_traveler("holder2@example.org", PASSWORD).await;
        let token = app.token("holder2@example.org", PASSWORD).await;
        let ids = group(&app, &token, 1).await;
        let receipt: serde_json::Value = post(&app, &token, "/api/v1/applications", json!({"traveler_ids": ids, "us_destination": destination()})).await.json().await.expect("json");
        let reference = receipt["cases"][0]["reference_number"].as_str().expect("ref").to_string();
        app.staff("officer@example.org", "officer", PASSWORD).await;
        let officer = app.token("officer@example.org", PASSWORD).await;
        app.enrol_totp(&officer).await;
        let r = app.get_with(&format!("/api/v1/cases/{reference}"), &officer).await;
        assert_eq!(r.status(), 200);
        let queue: serde_json::Value = app.get_with("/api/v1/cases?status=received", &officer).await.json().await.expect("json");
        assert_eq!(queue["items"].as_array().map(Vec::len), Some(1));
        app.staff("root@example.org", "admin", PASSWORD).await;
        let admin = app.token("root@example.org", PASSWORD).await;
        app.enrol_totp(&admin).await;
        assert_problem(app.get_with(&format!("/api/v1/cases/{reference}"), &admin).await, 403, "forbidden").await;
        let audit: serde_json::Value = app.get_with("/api/v1/admin/audit?action=case_read_by_staff", &admin).await.json().await.expect("json");
        assert_eq!(audit["items"].as_array().map(Vec::len), Some(1), "{audit}");
    }
}
