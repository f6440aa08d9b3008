//! Officer processing through the API (issue 10): claim, review, request evidence, answer,
//! decide with reasons, appeal, and a different supervisor's appeal decision — and nobody but
//! the account holder and staff sees any of it.

use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, assert_problem, bearer_post as post, json_of};

fn traveler(given: &str) -> serde_json::Value {
    json!({
        "given_name": given, "family_name": "Joseph", "date_of_birth": "1990-07-04",
        "nationality": "HT", "country_of_birth": "HT", "city_of_birth": "Cap-Haïtien",
        "country_of_residence": "MX", "language": "ht"
    })
}

/// A verified traveler with a group of `n`, submitted: (token, reference numbers).
async fn submitted(app: &TestApp, email: &str, n: usize) -> (String, Vec<String>) {
    app.verified_traveler(email, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    let mut ids = Vec::new();
    for i in 0..n {
        let body =
            json_of(post(app, &token, "/api/v1/travelers", traveler(&format!("Marie{i}"))).await, 201).await;
        ids.push(body["id"].as_str().expect("id").to_string());
    }
    let destination =
        json!({"line1": "100 Main St", "city": "Brownsville", "state": "TX", "postal_code": "78520"});
    let receipt = json_of(
        post(
            app,
            &token,
            "/api/v1/applications",
            json!({"traveler_ids": ids, "us_destination": destination}),
        )
        .await,
        201,
    )
    .await;
    let references = receipt["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| c["reference_number"].as_str().expect("ref").to_string())
        .collect();
    (token, references)
}

/// A staff account with a second factor: its token.
async fn staff(app: &TestApp, email: &str, role: &str) -> String {
    app.staff(email, role, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    app.enrol_totp(&token).await;
    token
}

fn staff_case(reference: &str, step: &str) -> String {
    format!("/api/v1/staff/cases/{reference}/{step}")
}

on_both_backends! {
    async fn the_whole_journey_from_claim_to_a_granted_appeal_and_a_stranger_sees_none_of_it(app) {
        let (holder, references) = submitted(&app, "holder@example.org", 3).await;
        assert_eq!(references.len(), 3);
        for reference in &references {
            assert!(puerta_domain::cases::ReferenceNumber::parse(reference).is_ok());
        }
        let r = app.client.patch(app.url("/api/v1/me")).bearer_auth(&holder).json(&json!({"language": "es"})).send().await.expect("sent");
        assert_eq!(r.status(), 200);
        let case = &references[0];
        let officer = staff(&app, "officer@example.org", "officer").await;
        let decider = staff(&app, "decider@example.org", "supervisor").await;
        let second = staff(&app, "second@example.org", "supervisor").await;

        let codes = json_of(app.get_with("/api/v1/staff/reason-codes", &officer).await, 200).await;
        let codes: Vec<&str> = codes.as_array().expect("codes").iter().filter_map(|c| c["code"].as_str()).collect();
        assert!(codes.contains(&"insufficient_evidence"), "{codes:?}");
        assert_problem(app.get_with("/api/v1/staff/reason-codes", &holder).await, 403, "forbidden").await;

        // The officer claims and reviews; another may not claim it now.
        let r = post(&app, &officer, &staff_case(case, "claim"), json!({})).await;
        assert_eq!(r.status(), 204);
        assert_problem(post(&app, &decider, &staff_case(case, "claim"), json!({})).await, 409, "already_claimed").await;
        let moved = json_of(post(&app, &officer, &staff_case(case, "transitions"), json!({"to": "in_review"})).await, 200).await;
        assert_eq!(moved["status"], "in_review");
        assert_problem(post(&app, &holder, &staff_case(case, "transitions"), json!({"to": "in_review"})).await, 403, "forbidden").await;

        // A request for evidence: the traveler sees exactly what is asked, and by when.
        let bad = post(&app, &officer, &staff_case(case, "evidence-requests"), json!({"items": [], "due_date": null})).await;
        assert_problem(bad, 422, "validation_failed").await;
        let late = post(&app, &officer, &staff_case(case, "evidence-requests"), json!({"items": [{"description": "x"}], "due_date": "2099-01-01"})).await;
        assert_problem(late, 422, "validation_failed").await;
        let asked = json_of(post(&app, &officer, &staff_case(case, "evidence-requests"), json!({"items": [{"description": "Birth certificate"}, {"description": "Passport photo page"}]})).await, 201).await;
        assert_eq!(asked["status"], "evidence_requested");
        let seen = json_of(app.get_with(&format!("/api/v1/cases/{case}"), &holder).await, 200).await;
        assert_eq!(seen["status"], "evidence_requested");
        assert_eq!(seen["evidence_requests"][0]["items"][1]["description"], "Passport photo page", "{seen}");
        let due = puerta_domain::cases::parse_iso_date(seen["evidence_requests"][0]["due_date"].as_str().expect("due date")).expect("a date");
        let asked_on = chrono::DateTime::from_timestamp_millis(app.clock_ms()).expect("now").date_naive();
        assert_eq!((due - asked_on).num_days(), 30, "default due date");
        // Notices sent in one batch may be written in any order: look for the one meant.
        let mails = app.all_emails_to("holder@example.org").await;
        assert!(mails.iter().any(|m| m.contains("Birth certificate") && m.contains("documentos")), "{mails:?}");
        // Deciding before the due date, without the answer, waits.
        let early = post(&app, &decider, &staff_case(case, "decision"), json!({"outcome": "denied", "reason_codes": ["insufficient_evidence"], "narrative": "No."})).await;
        assert_problem(early, 409, "evidence_not_due").await;

        let answered = json_of(post(&app, &holder, &format!("/api/v1/cases/{case}/evidence-answered"), json!({})).await, 200).await;
        assert_eq!(answered["status"], "evidence_received");
        let seen = json_of(app.get_with(&format!("/api/v1/cases/{case}"), &holder).await, 200).await;
        assert!(seen["evidence_requests"][0]["answered_at"].is_string(), "{seen}");
        json_of(post(&app, &officer, &staff_case(case, "transitions"), json!({"to": "in_review"})).await, 200).await;

        // The decision: a denial needs known reasons.
        let none = post(&app, &decider, &staff_case(case, "decision"), json!({"outcome": "denied", "reason_codes": [], "narrative": "No."})).await;
        assert_eq!(assert_problem(none, 422, "validation_failed").await["errors"][0]["field"], "reason_codes");
        let unknown = post(&app, &decider, &staff_case(case, "decision"), json!({"outcome": "denied", "reason_codes": ["made_up"], "narrative": "No."})).await;
        assert_problem(unknown, 422, "validation_failed").await;
        let decision = json_of(post(&app, &decider, &staff_case(case, "decision"), json!({"outcome": "denied", "reason_codes": ["insufficient_evidence", "identity_not_established"], "narrative": "The birth certificate is illegible."})).await, 201).await;
        assert_eq!(decision["outcome"], "denied");
        assert!(decision["appeal_deadline_at"].is_string());
        let again = post(&app, &decider, &staff_case(case, "decision"), json!({"outcome": "approved", "narrative": "Yes."})).await;
        assert_problem(again, 409, "illegal_transition").await;

        // The traveler sees the reasons, in their language, and the deadline; the notice says so too.
        let seen = json_of(app.get_with(&format!("/api/v1/cases/{case}"), &holder).await, 200).await;
        assert_eq!(seen["status"], "denied");
        let reasons = seen["decision"]["reasons"].as_array().expect("reasons");
        assert_eq!(reasons.len(), 2);
        let title = puerta_i18n::t(puerta_i18n::Language::Es, "reason-insufficient_evidence");
        assert!(reasons.iter().any(|r| r["code"] == "insufficient_evidence" && r["title"] == title.as_str()), "{seen}");
        assert_eq!(seen["decision"]["narrative"], "The birth certificate is illegible.");
        let deadline = seen["decision"]["appeal_deadline_date"].as_str().expect("deadline").to_string();
        let mails = app.all_emails_to("holder@example.org").await;
        let mail = mails.iter().find(|m| m.contains(&title)).expect("the denial notice").clone();
        assert!(mail.contains("apelar"), "{mail}");
        let deadline_ms = chrono::NaiveDate::parse_from_str(&deadline, "%Y-%m-%d").expect("date").and_hms_opt(12, 0, 0).expect("noon").and_utc().timestamp_millis();
        assert!(mail.contains(&puerta_i18n::format_date(puerta_i18n::Language::Es, deadline_ms)), "{mail}");

        // A stranger sees none of it, and cannot act on it.
        let (stranger, _) = submitted(&app, "stranger@example.org", 1).await;
        assert_problem(app.get_with(&format!("/api/v1/cases/{case}"), &stranger).await, 404, "not_found").await;
        assert_problem(post(&app, &stranger, &format!("/api/v1/cases/{case}/appeal"), json!({"statement": "Mine"})).await, 404, "not_found").await;
        assert_problem(post(&app, &stranger, &format!("/api/v1/cases/{case}/evidence-answered"), json!({})).await, 404, "not_found").await;

        // The appeal, once.
        let appealed = json_of(post(&app, &holder, &format!("/api/v1/cases/{case}/appeal"), json!({"statement": "Here is a legible copy."})).await, 201).await;
        assert_eq!(appealed["status"], "appeal_received");
        let twice = post(&app, &holder, &format!("/api/v1/cases/{case}/appeal"), json!({"statement": "Again."})).await;
        assert_problem(twice, 409, "appeal_already_made").await;

        // Not the deciding supervisor, not an officer: another supervisor decides it.
        let own = post(&app, &decider, &staff_case(case, "appeal-decision"), json!({"outcome": "granted", "narrative": "Fine."})).await;
        assert_problem(own, 409, "appeal_same_decider").await;
        let by_officer = post(&app, &officer, &staff_case(case, "appeal-decision"), json!({"outcome": "granted", "narrative": "Fine."})).await;
        assert_problem(by_officer, 403, "forbidden").await;
        let granted = json_of(post(&app, &second, &staff_case(case, "appeal-decision"), json!({"outcome": "granted", "narrative": "The new copy is legible."})).await, 200).await;
        assert_eq!(granted["status"], "appeal_granted");
        let seen = json_of(app.get_with(&format!("/api/v1/cases/{case}"), &holder).await, 200).await;
        assert_eq!(seen["status"], "appeal_granted");
        // Each step is in the holder's inbox too, in their language (issue 12).
        let inbox = json_of(app.get_with("/api/v1/notifications", &holder).await, 200).await;
        let inbox = inbox.as_array().expect("inbox");
        for (kind, title) in [
            ("application_received", "notification-application-received-title"),
            ("case_updated", "notification-case-updated-title"),
            ("evidence_requested", "notification-evidence-requested-title"),
            ("case_denied", "notification-case-denied-title"),
            ("appeal_decided", "notification-appeal-decided-title"),
        ] {
            let title = puerta_i18n::t_args(puerta_i18n::Language::Es, title, vec![("reference", case.replace(' ', "").as_str().into())]);
            assert!(inbox.iter().any(|n| n["kind"] == kind && n["title"].as_str().is_some_and(|t| t.split_whitespace().next() == title.split_whitespace().next())), "{kind}: {inbox:?}");
        }
        let statuses: Vec<&str> = seen["events"].as_array().expect("events").iter().filter_map(|e| e["status"].as_str()).collect();
        assert_eq!(statuses, ["received", "in_review", "evidence_requested", "evidence_received", "in_review", "denied", "appeal_received", "appeal_granted"]);
        let mails = app.all_emails_to("holder@example.org").await;
        assert!(mails.iter().any(|m| m.contains("anuló")), "{mails:?}");
        assert_problem(app.get_with(&format!("/api/v1/cases/{case}"), &stranger).await, 404, "not_found").await;

        // Every step is in the audit log.
        let admin = staff(&app, "root@example.org", "admin").await;
        for action in ["case_claimed", "case_transitioned", "evidence_requested", "evidence_answered", "case_decided", "case_appealed", "appeal_decided"] {
            let audit = json_of(app.get_with(&format!("/api/v1/admin/audit?action={action}"), &admin).await, 200).await;
            assert!(!audit["items"].as_array().expect("items").is_empty(), "{action}: {audit}");
        }
    }

    async fn an_illegal_transition_is_refused(app) {
        let (_, references) = submitted(&app, "illegal@example.org", 1).await;
        let officer = staff(&app, "officer@example.org", "officer").await;
        let case = &references[0];
        assert_problem(post(&app, &officer, &staff_case(case, "transitions"), json!({"to": "approved"})).await, 409, "illegal_transition").await;
        assert_problem(post(&app, &officer, &staff_case(case, "transitions"), json!({"to": "closed"})).await, 422, "validation_failed").await;
        json_of(post(&app, &officer, &staff_case(case, "transitions"), json!({"to": "in_review"})).await, 200).await;
        assert_problem(post(&app, &officer, &staff_case(case, "transitions"), json!({"to": "received"})).await, 409, "illegal_transition").await;
        assert_problem(post(&app, &officer, &staff_case(case, "transitions"), json!({"to": "in_review"})).await, 409, "illegal_transition").await;
        assert_problem(post(&app, &officer, &staff_case("PUE4829301758", "transitions"), json!({"to": "in_review"})).await, 404, "not_found").await;
    }

    async fn an_appeal_after_30_days_is_late(app) {
        let (_, references) = submitted(&app, "late@example.org", 1).await;
        let officer = staff(&app, "officer@example.org", "officer").await;
        let case = &references[0];
        json_of(post(&app, &officer, &staff_case(case, "transitions"), json!({"to": "in_review"})).await, 200).await;
        json_of(post(&app, &officer, &staff_case(case, "decision"), json!({"outcome": "denied", "reason_codes": ["incomplete_information"], "narrative": "Missing."})).await, 201).await;
        app.clock.advance_secs(30 * 86_400);
        let holder = app.token("late@example.org", PASSWORD).await;
        let late = post(&app, &holder, &format!("/api/v1/cases/{case}/appeal"), json!({"statement": "Please."})).await;
        assert_problem(late, 409, "appeal_late").await;
        let seen = json_of(app.get_with(&format!("/api/v1/cases/{case}"), &holder).await, 200).await;
        assert_eq!(seen["status"], "denied");
    }

    async fn two_officers_claiming_at_once_exactly_one_wins(app) {
        let (_, references) = submitted(&app, "race@example.org", 1).await;
        let one = staff(&app, "one@example.org", "officer").await;
        let two = staff(&app, "two@example.org", "officer").await;
        let path = staff_case(&references[0], "claim");
        let (a, b) = tokio::join!(post(&app, &one, &path, json!({})), post(&app, &two, &path, json!({})));
        let mut statuses = [a.status().as_u16(), b.status().as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [204, 409]);
        let loser = if a.status() == 409 { a } else { b };
        assert_problem(loser, 409, "already_claimed").await;
    }
}
