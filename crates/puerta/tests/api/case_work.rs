//! The officers' side of cases through the API (issue 10): the work queue with its filters and
//! case clock, the staff view, officer-only notes, a supervisor's assignment, the traveler's
//! withdrawal, the officer told when evidence arrives, and reasons an admin adds in every
//! language — on both backends.

use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, assert_problem, bearer_post as post, json_of};

fn traveler(given: &str) -> serde_json::Value {
    json!({
        "given_name": given, "family_name": "Joseph", "date_of_birth": "1990-07-04",
        "nationality": "HT", "country_of_birth": "HT", "city_of_birth": "Cap-Haïtien",
        "country_of_residence": "MX", "language": "ht"
    })
}

/// A verified traveler with a group of `n` submitted for `port`: (token, reference numbers).
async fn submitted(app: &TestApp, email: &str, n: usize, port: Option<&str>) -> (String, Vec<String>) {
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
            json!({"traveler_ids": ids, "us_destination": destination, "port": port}),
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

/// A staff account with a second factor: (token, TOTP secret).
async fn staff(app: &TestApp, email: &str, role: &str) -> (String, String) {
    app.staff(email, role, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    let (secret, _) = app.enrol_totp(&token).await;
    (token, secret)
}

/// Signs a staff member in again (with their second factor), e.g. after the clock moved on.
async fn staff_again(app: &TestApp, email: &str, secret: &str) -> String {
    let body = json!({"email": email, "password": PASSWORD, "totp_code": app.totp_now(secret)});
    let signed_in = json_of(app.post_json("/api/v1/sessions", body).await, 201).await;
    signed_in["token"].as_str().expect("token").to_string()
}

fn staff_case(reference: &str, step: &str) -> String {
    format!("/api/v1/staff/cases/{reference}/{step}")
}

fn references_in(queue: &serde_json::Value) -> Vec<String> {
    queue["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["reference_number"].as_str().map(String::from))
        .collect()
}

on_both_backends! {
    async fn the_queue_filters_by_status_port_holder_age_and_overdue_evidence(app) {
        // A second apart, so "oldest first" has one answer.
        let (_, at_sys) = submitted(&app, "sys@example.org", 2, Some("SYS")).await;
        app.clock.advance_secs(1);
        let (_, at_bro) = submitted(&app, "bro@example.org", 1, Some("bro")).await;
        app.clock.advance_secs(1);
        let (_, nowhere) = submitted(&app, "none@example.org", 1, None).await;
        app.clock.advance_secs(1);
        let (traveler, _) = submitted(&app, "curious@example.org", 1, None).await;
        app.clock.advance_secs(1);
        let (officer, secret) = staff(&app, "officer@example.org", "officer").await;

        // Oldest first: first come, first served.
        let all = json_of(app.get_with("/api/v1/staff/queue", &officer).await, 200).await;
        let order = references_in(&all);
        assert_eq!(order.len(), 5, "{all}");
        let mut first_two = order[..2].to_vec();
        first_two.sort();
        let mut sys_sorted = at_sys.clone();
        sys_sorted.sort();
        assert_eq!(first_two, sys_sorted, "{all}");
        assert_eq!(order[2], at_bro[0]);
        assert_eq!(order[3], nowhere[0]);
        let sys = json_of(app.get_with("/api/v1/staff/queue?port=sys", &officer).await, 200).await;
        let mut got = references_in(&sys);
        got.sort();
        assert_eq!(got, sys_sorted);
        assert_eq!(sys["items"][0]["port"], "SYS");
        let bro = json_of(app.get_with("/api/v1/staff/queue?port=BRO", &officer).await, 200).await;
        assert_eq!(references_in(&bro), at_bro);
        assert_problem(app.get_with("/api/v1/staff/queue?port=XX1", &officer).await, 422, "validation_failed").await;
        assert_problem(app.get_with("/api/v1/staff/queue?older_than_days=99999", &officer).await, 422, "validation_failed").await;
        assert_problem(app.get_with("/api/v1/staff/queue?status=lost", &officer).await, 422, "validation_failed").await;
        assert_problem(app.get_with("/api/v1/staff/queue", &traveler).await, 403, "forbidden").await;

        // Mine, unassigned, status.
        let case = &at_sys[0];
        assert_eq!(post(&app, &officer, &staff_case(case, "claim"), json!({})).await.status(), 204);
        let mine = json_of(app.get_with("/api/v1/staff/queue?mine=true", &officer).await, 200).await;
        assert_eq!(references_in(&mine), std::slice::from_ref(case));
        assert_eq!(mine["items"][0]["assigned_to_me"], true);
        let free = json_of(app.get_with("/api/v1/staff/queue?unassigned=true", &officer).await, 200).await;
        assert!(!references_in(&free).contains(case));
        json_of(post(&app, &officer, &staff_case(case, "transitions"), json!({"to": "in_review"})).await, 200).await;
        let reviewing = json_of(app.get_with("/api/v1/staff/queue?status=in_review", &officer).await, 200).await;
        assert_eq!(references_in(&reviewing), std::slice::from_ref(case));

        // Paging by cursor keeps the order.
        let first = json_of(app.get_with("/api/v1/staff/queue?limit=2", &officer).await, 200).await;
        let cursor = first["next_cursor"].as_str().expect("a next page").to_string();
        let second = json_of(app.get_with(&format!("/api/v1/staff/queue?limit=2&cursor={cursor}"), &officer).await, 200).await;
        assert_eq!([references_in(&first), references_in(&second)].concat(), order[..4]);

        // The case clock: ten days in review count; the days waiting for evidence do not; an
        // overdue request is found by its filter.
        app.clock.advance_secs(10 * 86_400);
        let officer = staff_again(&app, "officer@example.org", &secret).await;
        let tomorrow = chrono::DateTime::from_timestamp_millis(app.clock_ms() + 86_400_000).expect("date").format("%Y-%m-%d").to_string();
        json_of(post(&app, &officer, &staff_case(case, "evidence-requests"), json!({"items": [{"description": "Birth certificate"}], "due_date": tomorrow})).await, 201).await;
        let overdue = json_of(app.get_with("/api/v1/staff/queue?overdue_evidence=true", &officer).await, 200).await;
        assert!(references_in(&overdue).is_empty(), "not due yet: {overdue}");
        app.clock.advance_secs(3 * 86_400);
        let officer = staff_again(&app, "officer@example.org", &secret).await;
        let overdue = json_of(app.get_with("/api/v1/staff/queue?overdue_evidence=true", &officer).await, 200).await;
        assert_eq!(references_in(&overdue), std::slice::from_ref(case));
        assert_eq!(overdue["items"][0]["evidence_overdue"], true);
        assert_eq!(overdue["items"][0]["days_open"], 10, "{overdue}");
        assert_eq!(overdue["items"][0]["days_suspended"], 3, "{overdue}");
        let old = json_of(app.get_with("/api/v1/staff/queue?older_than_days=13", &officer).await, 200).await;
        assert_eq!(references_in(&old).len(), 5, "{old}");
        let older = json_of(app.get_with("/api/v1/staff/queue?older_than_days=14", &officer).await, 200).await;
        assert!(references_in(&older).is_empty(), "{older}");

        // Reading the queue is audited.
        let (admin, _) = staff(&app, "root@example.org", "admin").await;
        let audit = json_of(app.get_with("/api/v1/admin/audit?action=case_queue_read", &admin).await, 200).await;
        assert!(!audit["items"].as_array().expect("items").is_empty(), "{audit}");
    }

    async fn the_staff_view_holds_profile_group_history_and_notes_and_notes_stay_with_staff(app) {
        let (holder, references) = submitted(&app, "group@example.org", 3, Some("SYS")).await;
        let (officer, _) = staff(&app, "officer@example.org", "officer").await;
        let case = &references[1];
        let note = json_of(post(&app, &officer, &staff_case(case, "notes"), json!({"body": "Called the shelter; the family is together."})).await, 201).await;
        assert_eq!(note["body"], "Called the shelter; the family is together.");
        assert_problem(post(&app, &officer, &staff_case(case, "notes"), json!({"body": "   "})).await, 422, "validation_failed").await;
        assert_problem(post(&app, &holder, &staff_case(case, "notes"), json!({"body": "Let me in"})).await, 403, "forbidden").await;
        json_of(post(&app, &officer, &staff_case(case, "claim"), json!({})).await, 204).await;
        let moved = post(&app, &officer, &staff_case(case, "transitions"), json!({"to": "in_review", "note": "Passport copy is blurred; ask at the port."})).await;
        json_of(moved, 200).await;

        let view = json_of(app.get_with(&format!("/api/v1/staff/cases/{case}"), &officer).await, 200).await;
        assert_eq!(view["traveler"]["given_name"], "Marie1");
        assert_eq!(view["traveler"]["date_of_birth"], "1990-07-04");
        assert_eq!(view["us_destination"]["city"], "Brownsville");
        assert_eq!(view["port"], "SYS");
        let mut group: Vec<&str> = view["group"].as_array().expect("group").iter().filter_map(|g| g["reference_number"].as_str()).collect();
        group.sort_unstable();
        let mut others = [references[0].as_str(), references[2].as_str()];
        others.sort_unstable();
        assert_eq!(group, others);
        assert_eq!(view["notes"][0]["body"], "Called the shelter; the family is together.");
        assert_eq!(view["notes"][0]["author_name"], "Staff Member");
        assert_eq!(view["assigned_to_me"], true);
        assert_eq!(view["history"][0]["to"], "received");
        assert_eq!(view["history"][1]["to"], "in_review");
        assert_eq!(view["history"][1]["note"], "Passport copy is blurred; ask at the port.");
        assert_eq!(view["history"][1]["actor_name"], "Staff Member");
        assert_problem(app.get_with(&format!("/api/v1/staff/cases/{case}"), &holder).await, 403, "forbidden").await;

        // The traveler's own view never shows the note.
        let seen = app.get_with(&format!("/api/v1/cases/{case}"), &holder).await.text().await.expect("body");
        assert!(!seen.contains("shelter") && !seen.contains("blurred"), "{seen}");
        let (admin, _) = staff(&app, "root@example.org", "admin").await;
        for action in ["case_note_added", "case_read_by_staff"] {
            let audit = json_of(app.get_with(&format!("/api/v1/admin/audit?action={action}"), &admin).await, 200).await;
            assert!(!audit["items"].as_array().expect("items").is_empty(), "{action}: {audit}");
        }
        let audit = app.get_with("/api/v1/admin/audit?action=case_note_added", &admin).await.text().await.expect("body");
        assert!(!audit.contains("shelter"), "the note's words stay out of the audit log: {audit}");
    }

    async fn a_supervisor_assigns_and_an_officer_cannot(app) {
        let (_, references) = submitted(&app, "assign@example.org", 1, None).await;
        let case = &references[0];
        let (officer, _) = staff(&app, "officer@example.org", "officer").await;
        let (other, _) = staff(&app, "other@example.org", "officer").await;
        let (supervisor, _) = staff(&app, "lead@example.org", "supervisor").await;
        let me = json_of(app.get_with("/api/v1/me", &other).await, 200).await;
        let other_id = me["id"].as_str().expect("id").to_string();
        let (traveler, _) = submitted(&app, "t@example.org", 1, None).await;
        let traveler_id = json_of(app.get_with("/api/v1/me", &traveler).await, 200).await["id"].as_str().expect("id").to_string();
        json_of(post(&app, &officer, &staff_case(case, "claim"), json!({})).await, 204).await;
        let put = |token: &str, id: &str| app.client.put(app.url(&staff_case(case, "assignment"))).bearer_auth(token).json(&json!({"officer_id": id})).send();
        assert_problem(put(&officer, &other_id).await.expect("sent"), 403, "forbidden").await;
        assert_problem(put(&supervisor, &traveler_id).await.expect("sent"), 422, "validation_failed").await;
        assert_eq!(put(&supervisor, &other_id).await.expect("sent").status(), 204);
        let view = json_of(app.get_with(&format!("/api/v1/staff/cases/{case}"), &other).await, 200).await;
        assert_eq!(view["assigned_to_me"], true, "{view}");
    }

    async fn a_traveler_withdraws_before_a_decision_and_may_submit_again(app) {
        let (holder, references) = submitted(&app, "withdraw@example.org", 2, None).await;
        let (officer, _) = staff(&app, "officer@example.org", "officer").await;
        let (stranger, _) = submitted(&app, "stranger@example.org", 1, None).await;
        let case = &references[0];
        assert_problem(post(&app, &stranger, &format!("/api/v1/cases/{case}/withdrawal"), json!({})).await, 404, "not_found").await;
        assert_problem(post(&app, &officer, &format!("/api/v1/cases/{case}/withdrawal"), json!({})).await, 403, "forbidden").await;
        let moved = json_of(post(&app, &holder, &format!("/api/v1/cases/{case}/withdrawal"), json!({})).await, 200).await;
        assert_eq!(moved["status"], "withdrawn");
        assert_problem(post(&app, &holder, &format!("/api/v1/cases/{case}/withdrawal"), json!({})).await, 409, "illegal_transition").await;
        let seen = json_of(app.get_with(&format!("/api/v1/cases/{case}"), &holder).await, 200).await;
        assert_eq!(seen["status"], "withdrawn");
        assert_eq!(seen["next_step"], puerta_i18n::t(puerta_i18n::Language::Es, "case-next-withdrawn"));

        // A decided case cannot be withdrawn.
        let decided = &references[1];
        json_of(post(&app, &officer, &staff_case(decided, "transitions"), json!({"to": "in_review"})).await, 200).await;
        let approval = json_of(post(&app, &officer, &staff_case(decided, "decision"), json!({"outcome": "approved", "narrative": "All in order."})).await, 201).await;
        assert_eq!(approval["outcome"], "approved");
        assert_problem(post(&app, &holder, &format!("/api/v1/cases/{decided}/withdrawal"), json!({})).await, 409, "illegal_transition").await;
        let seen = json_of(app.get_with(&format!("/api/v1/cases/{decided}"), &holder).await, 200).await;
        assert_eq!(seen["decision"]["next_steps"], puerta_i18n::t(puerta_i18n::Language::Es, "decision-approved-next-steps"));

        // The withdrawn traveler may be submitted again.
        let travelers = json_of(app.get_with("/api/v1/travelers", &holder).await, 200).await;
        let first = travelers["items"][0]["id"].as_str().expect("id").to_string();
        let destination = json!({"line1": "100 Main St", "city": "Brownsville", "state": "TX", "postal_code": "78520"});
        let again = json_of(post(&app, &holder, "/api/v1/applications", json!({"traveler_ids": [first], "us_destination": destination})).await, 201).await;
        assert_eq!(again["cases"][0]["status"], "received");
        let unknown = post(&app, &holder, "/api/v1/applications", json!({"traveler_ids": [first], "us_destination": destination, "port": "ZZZ"})).await;
        assert_problem(unknown, 422, "validation_failed").await;
    }

    async fn the_officer_holding_a_case_is_told_when_the_evidence_arrives(app) {
        let (holder, references) = submitted(&app, "evidence@example.org", 1, None).await;
        let (officer, _) = staff(&app, "officer@example.org", "officer").await;
        let case = &references[0];
        json_of(post(&app, &officer, &staff_case(case, "claim"), json!({})).await, 204).await;
        json_of(post(&app, &officer, &staff_case(case, "transitions"), json!({"to": "in_review"})).await, 200).await;
        json_of(post(&app, &officer, &staff_case(case, "evidence-requests"), json!({"items": [{"description": "Birth certificate"}]})).await, 201).await;
        app.flush_outbox().await;
        let before = app.emails_to("officer@example.org").await;
        json_of(post(&app, &holder, &format!("/api/v1/cases/{case}/evidence-answered"), json!({})).await, 200).await;
        app.flush_outbox().await;
        assert_eq!(app.emails_to("officer@example.org").await, before + 1);
        let grouped = puerta_domain::cases::ReferenceNumber::parse(case).expect("ref").grouped();
        let mails = app.all_emails_to("officer@example.org").await;
        assert!(mails.iter().any(|m| m.contains(&grouped) && m.contains("Evidence received")), "{mails:?}");
    }

    async fn an_admin_adds_a_reason_in_every_language_and_a_traveler_reads_it_in_theirs(app) {
        let (admin, _) = staff(&app, "root@example.org", "admin").await;
        let (officer, _) = staff(&app, "officer@example.org", "officer").await;
        let titles = json!({
            "en": "Your identity document had expired.", "es": "Su documento de identidad estaba vencido.",
            "ht": "Dokiman idantite ou te ekspire.", "pt": "Seu documento de identidade estava vencido.",
            "fr": "Votre pièce d'identité était expirée."
        });
        let missing = post(&app, &admin, "/api/v1/admin/reason-codes", json!({"code": "document_expired", "title": "Expired document", "titles": {"en": "x"}})).await;
        let problem = assert_problem(missing, 422, "validation_failed").await;
        assert!(problem["errors"].as_array().expect("errors").iter().any(|e| e["field"] == "titles.ht"), "{problem}");
        let bad = post(&app, &admin, "/api/v1/admin/reason-codes", json!({"code": "Bad Code", "title": "x", "titles": titles})).await;
        assert_problem(bad, 422, "validation_failed").await;
        let body = json!({"code": "document_expired", "title": "Expired document", "titles": titles});
        assert_problem(post(&app, &officer, "/api/v1/admin/reason-codes", body.clone()).await, 403, "forbidden").await;
        json_of(post(&app, &admin, "/api/v1/admin/reason-codes", body.clone()).await, 201).await;
        assert_problem(post(&app, &admin, "/api/v1/admin/reason-codes", body).await, 409, "reason_code_taken").await;
        let offered = json_of(app.get_with("/api/v1/staff/reason-codes", &officer).await, 200).await;
        assert!(offered.as_array().expect("codes").iter().any(|c| c["code"] == "document_expired"));

        let (holder, references) = submitted(&app, "reasons@example.org", 2, None).await;
        let r = app.client.patch(app.url("/api/v1/me")).bearer_auth(&holder).json(&json!({"language": "ht"})).send().await.expect("sent");
        assert_eq!(r.status(), 200);
        let case = &references[0];
        json_of(post(&app, &officer, &staff_case(case, "transitions"), json!({"to": "in_review"})).await, 200).await;
        json_of(post(&app, &officer, &staff_case(case, "decision"), json!({"outcome": "denied", "reason_codes": ["document_expired"], "narrative": "Expired in 2019."})).await, 201).await;
        let seen = json_of(app.get_with(&format!("/api/v1/cases/{case}"), &holder).await, 200).await;
        assert_eq!(seen["decision"]["reasons"][0]["title"], "Dokiman idantite ou te ekspire.", "{seen}");
        let mails = app.all_emails_to("reasons@example.org").await;
        assert!(mails.iter().any(|m| m.contains("Dokiman idantite ou te ekspire.")), "{mails:?}");

        // Retired: no longer offered nor accepted, but the old decision keeps its words.
        let r = app.client.delete(app.url("/api/v1/admin/reason-codes/document_expired")).bearer_auth(&admin).send().await.expect("sent");
        assert_eq!(r.status(), 204);
        let r = app.client.delete(app.url("/api/v1/admin/reason-codes/document_expired")).bearer_auth(&admin).send().await.expect("sent");
        assert_problem(r, 404, "not_found").await;
        let offered = json_of(app.get_with("/api/v1/staff/reason-codes", &officer).await, 200).await;
        assert!(!offered.as_array().expect("codes").iter().any(|c| c["code"] == "document_expired"));
        let other = &references[1];
        json_of(post(&app, &officer, &staff_case(other, "transitions"), json!({"to": "in_review"})).await, 200).await;
        let refused = post(&app, &officer, &staff_case(other, "decision"), json!({"outcome": "denied", "reason_codes": ["document_expired"], "narrative": "No."})).await;
        assert_problem(refused, 422, "validation_failed").await;
        let seen = json_of(app.get_with(&format!("/api/v1/cases/{case}"), &holder).await, 200).await;
        assert_eq!(seen["decision"]["reasons"][0]["title"], "Dokiman idantite ou te ekspire.");
        let all = json_of(app.get_with("/api/v1/admin/reason-codes", &admin).await, 200).await;
        assert!(all.as_array().expect("codes").iter().any(|c| c["code"] == "document_expired" && c["retired"] == true), "{all}");
    }
}

on_both_backends! {
    async fn a_traveler_not_yet_in_a_case_can_be_changed_or_removed_and_one_in_a_case_cannot(app) {
        let (holder, references) = submitted(&app, "edit@example.org", 1, None).await;
        let (stranger, _) = submitted(&app, "other@example.org", 1, None).await;
        let added = json_of(post(&app, &holder, "/api/v1/travelers", traveler("Rose")).await, 201).await;
        let id = added["id"].as_str().expect("id").to_string();
        let put = |token: &str, id: &str, body: serde_json::Value| app.client.put(app.url(&format!("/api/v1/travelers/{id}"))).bearer_auth(token).json(&body).send();
        let mut changed = traveler("Rose-Marie");
        changed["city_of_birth"] = json!("Jacmel");
        let updated = json_of(put(&holder, &id, changed.clone()).await.expect("sent"), 200).await;
        assert_eq!(updated["given_name"], "Rose-Marie");
        assert_eq!(updated["city_of_birth"], "Jacmel");
        let mut bad = changed.clone();
        bad["date_of_birth"] = json!("2999-01-01");
        assert_problem(put(&holder, &id, bad).await.expect("sent"), 422, "validation_failed").await;
        assert_problem(put(&stranger, &id, changed.clone()).await.expect("sent"), 404, "not_found").await;

        // The one already in a case stays as the officers have it.
        let travelers = json_of(app.get_with("/api/v1/travelers", &holder).await, 200).await;
        let in_case = travelers["items"].as_array().expect("items").iter().find(|t| t["given_name"] == "Marie0").expect("the submitted one")["id"].as_str().expect("id").to_string();
        assert_problem(put(&holder, &in_case, changed).await.expect("sent"), 409, "already_open").await;
        let delete = |token: &str, id: &str| app.client.delete(app.url(&format!("/api/v1/travelers/{id}"))).bearer_auth(token).send();
        assert_problem(delete(&holder, &in_case).await.expect("sent"), 409, "already_open").await;
        assert_problem(delete(&stranger, &id).await.expect("sent"), 404, "not_found").await;
        assert_eq!(delete(&holder, &id).await.expect("sent").status(), 204);
        assert_problem(delete(&holder, &id).await.expect("sent"), 404, "not_found").await;
        let travelers = json_of(app.get_with("/api/v1/travelers", &holder).await, 200).await;
        assert_eq!(travelers["items"].as_array().expect("items").len(), 1);
        let seen = json_of(app.get_with(&format!("/api/v1/cases/{}", references[0]), &holder).await, 200).await;
        assert_eq!(seen["traveler_name"], "Marie0 Joseph", "the case keeps its traveler");
    }
}
