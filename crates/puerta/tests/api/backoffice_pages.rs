//! The back office pages in a cookie-keeping browser without JavaScript (issue 10): the work
//! queue and its filters, one case with everything staff see, claiming (two at once: one wins),
//! requests for evidence, decisions with reasons, the appeal decided by another supervisor, the
//! admins' reasons for denial — and travelers kept out, every staff read audited.

use serde_json::json;

use crate::documents::{pdf, upload};
use crate::helpers::{PASSWORD, TestApp, json_of};

/// A browser: keeps cookies, sends our Origin on form posts, reads the CSRF token from pages.
pub(crate) struct Browser<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
}

impl<'a> Browser<'a> {
    pub(crate) fn new(app: &'a TestApp) -> Self {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        Self { app, client }
    }

    pub(crate) async fn get(&self, path: &str) -> (u16, String) {
        let r = self
            .client
            .get(self.app.url(path))
            .header("accept", "text/html")
            .header("accept-language", "en")
            .send()
            .await
            .expect("sent");
        (r.status().as_u16(), r.text().await.expect("html"))
    }

    /// GETs `page`, then posts `fields` to `action` with its CSRF token: (status, location, body).
    pub(crate) async fn submit(
        &self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> (u16, String, String) {
        let (_, html) = self.get(page).await;
        let token = csrf_token(&html).unwrap_or_default();
        self.post(action, &token, fields).await
    }

    pub(crate) async fn post(
        &self,
        action: &str,
        token: &str,
        fields: &[(&str, &str)],
    ) -> (u16, String, String) {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", token));
        let r = self
            .client
            .post(self.app.url(action))
            .header("accept", "text/html")
            .header("accept-language", "en")
            .header("origin", &self.app.address)
            .form(&form)
            .send()
            .await
            .expect("sent");
        let location = r.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        (r.status().as_u16(), location, r.text().await.unwrap_or_default())
    }
}

impl Browser<'_> {
    /// Posts a multipart body as a page form does: (status, location, body).
    pub(crate) async fn post_multipart(
        &self,
        action: &str,
        content_type: String,
        body: Vec<u8>,
    ) -> (u16, String, String) {
        let r = self
            .client
            .post(self.app.url(action))
            .header("accept", "text/html")
            .header("accept-language", "en")
            .header("origin", &self.app.address)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("sent");
        let location = r.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        (r.status().as_u16(), location, r.text().await.unwrap_or_default())
    }
}

pub(crate) fn csrf_token(html: &str) -> Option<String> {
    html.split("name=\"csrf_token\" value=\"").nth(1)?.split('"').next().map(str::to_string)
}

/// Text as the page writes it (askama escapes quotes and ampersands).
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('\'', "&#39;").replace('"', "&#34;")
}

/// A staff account with a second factor, signed in through the pages: (browser, API token).
pub(crate) async fn staff<'a>(app: &'a TestApp, email: &str, role: &str) -> (Browser<'a>, String) {
    app.staff(email, role, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    let (secret, _) = app.enrol_totp(&token).await;
    // The enrolment's code is spent: sign in with the next one.
    app.clock.advance_secs(30);
    let browser = Browser::new(app);
    let (_, location, _) =
        browser.submit("/sign-in", "/sign-in", &[("email", email), ("password", PASSWORD)]).await;
    assert_eq!(location, "/sign-in/second-factor", "{email}");
    let code = app.totp_now(&secret);
    let (status, location, _) =
        browser.submit("/sign-in/second-factor", "/sign-in/second-factor", &[("code", &code)]).await;
    assert_eq!((status, location.as_str()), (303, "/staff"), "{email}: {role}");
    (browser, token)
}

fn traveler(given: &str) -> serde_json::Value {
    json!({
        "given_name": given, "family_name": "Joseph", "date_of_birth": "1990-07-04",
        "nationality": "HT", "country_of_birth": "HT", "city_of_birth": "Cap-Haïtien",
        "country_of_residence": "MX", "language": "ht", "phone": "+52 55 1234 5678"
    })
}

/// A verified traveler who submits a group (one case per given name) for `port`:
/// (token, reference numbers).
async fn submitted(app: &TestApp, email: &str, names: &[&str], port: Option<&str>) -> (String, Vec<String>) {
    app.verified_traveler(email, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    let mut ids = Vec::new();
    for name in names {
        let r = app.client.post(app.url("/api/v1/travelers")).bearer_auth(&token).json(&traveler(name));
        let body = json_of(r.send().await.expect("sent"), 201).await;
        ids.push(body["id"].as_str().expect("id").to_string());
    }
    let destination =
        json!({"line1": "100 Main St", "city": "Brownsville", "state": "TX", "postal_code": "78520"});
    let body = json!({"traveler_ids": ids, "us_destination": destination, "port": port});
    let r = app.client.post(app.url("/api/v1/applications")).bearer_auth(&token).json(&body);
    let receipt = json_of(r.send().await.expect("sent"), 201).await;
    let references = receipt["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| c["reference_number"].as_str().expect("ref").to_string())
        .collect();
    (token, references)
}

fn case_page(reference: &str) -> String {
    format!("/staff/cases/{reference}")
}

fn step(reference: &str, name: &str) -> String {
    format!("/staff/cases/{reference}/{name}")
}

/// The audit rows of `action` the admin can see.
async fn audit_count(app: &TestApp, admin: &str, action: &str) -> usize {
    let audit =
        json_of(app.get_with(&format!("/api/v1/admin/audit?action={action}&limit=200"), admin).await, 200)
            .await;
    audit["items"].as_array().expect("items").len()
}

/// A date `days` from the app's today, as the page's three fields.
fn date_in(app: &TestApp, days: i64) -> (String, String, String) {
    let day = chrono::DateTime::from_timestamp_millis(app.clock_ms() + days * 86_400_000).expect("date");
    (day.format("%-d").to_string(), day.format("%-m").to_string(), day.format("%Y").to_string())
}

on_both_backends! {
    async fn the_queue_filters_by_status_holder_port_age_and_overdue_evidence(app) {
        let (_, alba) = submitted(&app, "alba@example.org", &["Alba"], Some("SYS")).await;
        let (_, berta) = submitted(&app, "berta@example.org", &["Berta"], Some("NOG")).await;
        submitted(&app, "celia@example.org", &["Celia"], None).await;
        let (officer, _) = staff(&app, "officer@example.org", "officer").await;
        let (_, html) = officer.get("/staff").await;
        assert!(html.contains("href=\"/staff/cases\""), "the staff home links the queue: {html}");

        let (status, html) = officer.get("/staff/cases").await;
        assert_eq!(status, 200);
        for name in ["Alba Joseph", "Berta Joseph", "Celia Joseph"] {
            assert!(html.contains(name), "{name} in the queue: {html}");
        }
        assert!(html.contains("data-label=\"Days open\""), "the table stacks with labels on a phone");

        // The officer takes Alba's case, reviews it and asks for documents.
        let case = &alba[0];
        let (status, location, _) = officer.submit(&case_page(case), &step(case, "claim"), &[]).await;
        assert_eq!((status, location.as_str()), (303, format!("/staff/cases/{case}?notice=bo-notice-claimed").as_str()));
        let (status, _, _) = officer.submit(&case_page(case), &step(case, "status"), &[("to", "in_review")]).await;
        assert_eq!(status, 303);
        let (status, _, body) = officer.submit(&case_page(case), &step(case, "evidence-request"), &[("items", "Birth certificate"), ("due_day", ""), ("due_month", ""), ("due_year", "")]).await;
        assert_eq!(status, 303, "{body}");

        let only = |html: &str, yes: &[&str], no: &[&str]| {
            for name in yes {
                assert!(html.contains(name), "{name} expected: {html}");
            }
            for name in no {
                assert!(!html.contains(name), "{name} not expected: {html}");
            }
        };
        let (status, html) = officer.get("/staff/cases?status=evidence_requested").await;
        assert_eq!(status, 200, "{html}");
        only(&html, &["Alba Joseph"], &["Berta Joseph", "Celia Joseph"]);
        assert!(html.contains("Due "), "the due date shows: {html}");
        let (_, html) = officer.get("/staff/cases?mine=true").await;
        only(&html, &["Alba Joseph", "<td data-label=\"Held by\">You</td>"], &["Berta Joseph", "Celia Joseph"]);
        let (_, html) = officer.get("/staff/cases?unassigned=true").await;
        only(&html, &["Berta Joseph", "Celia Joseph"], &["Alba Joseph"]);
        let (_, html) = officer.get("/staff/cases?port=NOG").await;
        only(&html, &["Berta Joseph"], &["Alba Joseph", "Celia Joseph"]);
        assert!(html.contains(&format!("href=\"/staff/cases/{}\"", berta[0])), "{html}");
        let (_, html) = officer.get("/staff/cases?overdue_evidence=true").await;
        only(&html, &[], &["Alba Joseph", "Berta Joseph", "Celia Joseph"]);
        let (_, html) = officer.get("/staff/cases?older_than_days=5").await;
        only(&html, &[], &["Alba Joseph", "Berta Joseph", "Celia Joseph"]);

        // A month later Alba's documents are overdue, and every case is at least 5 days old.
        // (Sessions end after 12 hours: another officer signs in to look.)
        app.clock.advance_secs(31 * 86_400);
        let (officer, _) = staff(&app, "later@example.org", "officer").await;
        let (_, html) = officer.get("/staff/cases?overdue_evidence=true").await;
        only(&html, &["Alba Joseph", "Overdue since"], &["Berta Joseph", "Celia Joseph"]);
        let (_, html) = officer.get("/staff/cases?older_than_days=5").await;
        only(&html, &["Berta Joseph", "Celia Joseph", "31 days"], &[]);

        // A filter that is not valid is a message beside its field, not an error page.
        let (status, html) = officer.get("/staff/cases?older_than_days=lots").await;
        assert_eq!(status, 422);
        assert!(html.contains("id=\"older_than_days-error\"") && html.contains("Enter a number of days from 1 to 3650."), "{html}");
        assert!(html.contains("href=\"#older_than_days\""), "the summary links the field: {html}");
        let (status, html) = officer.get("/staff/cases?after=nonsense").await;
        assert_eq!(status, 422, "{html}");
    }

    async fn the_case_page_shows_profile_group_documents_notes_and_history_and_every_view_is_audited(app) {
        let (holder, references) = submitted(&app, "group@example.org", &["Marie", "Paul"], Some("SYS")).await;
        let (case, other) = (&references[0], &references[1]);
        let uploaded = json_of(upload(&app, &holder, case, "passport", "passport.pdf", &pdf()).await, 201).await;
        let document = uploaded["id"].as_str().expect("id").to_string();
        let (officer, officer_token) = staff(&app, "officer@example.org", "officer").await;
        let (_, admin) = staff(&app, "root@example.org", "admin").await;
        let reads = audit_count(&app, &admin, "case_read_by_staff").await;

        let (status, html) = officer.get(&case_page(case)).await;
        assert_eq!(status, 200);
        for text in ["Marie Joseph", "1990-07-04", "Cap-Haïtien, HT", "+525512345678", "100 Main St", "Brownsville, TX 78520", "SYS", "Passport", "PDF"] {
            assert!(html.contains(&escaped(text)), "{text} on the page: {html}");
        }
        assert!(html.contains(&format!("href=\"/staff/cases/{other}\"")) && html.contains("Paul Joseph"), "the group's other case: {html}");
        assert!(html.contains(&format!("href=\"/staff/documents/{document}\"")), "{html}");
        assert!(html.contains("Received, by"), "the history says who: {html}");
        assert!(html.contains("No notes yet."), "{html}");
        assert!(html.contains("Claim this case") && html.contains("Held by: Nobody"), "{html}");
        assert!(!html.contains("Assign to"), "only supervisors assign: {html}");
        assert_eq!(audit_count(&app, &admin, "case_read_by_staff").await, reads + 1, "the view is audited");

        // The document, through the staff route: the same bytes, and the read is audited.
        let downloads = audit_count(&app, &admin, "document_read_by_staff").await;
        let r = officer.client.get(app.url(&format!("/staff/documents/{document}"))).send().await.expect("sent");
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
        assert_eq!(r.bytes().await.expect("bytes").to_vec(), pdf());
        assert_eq!(audit_count(&app, &admin, "document_read_by_staff").await, downloads + 1);

        // Officer-only notes: an empty one is a message beside the field.
        let (status, _, html) = officer.submit(&case_page(case), &step(case, "notes"), &[("body", "  ")]).await;
        assert_eq!(status, 422);
        assert!(html.contains("id=\"note-body-error\"") && html.contains("href=\"#note-body\""), "{html}");
        let (status, location, _) = officer.submit(&case_page(case), &step(case, "notes"), &[("body", "Called the shelter.\nThey confirm the address.")]).await;
        assert_eq!((status, location.as_str()), (303, format!("/staff/cases/{case}?notice=bo-notice-note-added").as_str()));
        let (_, html) = officer.get(&location).await;
        assert!(html.contains("Your note is saved.") && html.contains("<p>Called the shelter.</p>") && html.contains("<p>They confirm the address.</p>"), "{html}");
        let seen = json_of(app.get_with(&format!("/api/v1/cases/{case}"), &holder).await, 200).await;
        assert!(!seen.to_string().contains("Called the shelter"), "the traveler never sees notes: {seen}");
        // Five more views: the note form twice, the refused note, the page after the note.
        assert_eq!(audit_count(&app, &admin, "case_read_by_staff").await, reads + 5, "every view is audited");

        // The checks run again from the page; their results show with their reasons.
        let (status, location, _) = officer.submit(&case_page(case), &step(case, "checks"), &[]).await;
        assert_eq!((status, location.as_str()), (303, format!("/staff/cases/{case}?notice=bo-notice-checks-run").as_str()));
        let (_, html) = officer.get(&location).await;
        assert!(html.contains("Watchlist") && html.contains("<span class=\"tag\">Clear</span>"), "{html}");
        assert!(html.contains("No other open case has this name and date of birth."), "{html}");

        // Staff pages are in every language too.
        for language in [puerta_i18n::Language::Es, puerta_i18n::Language::Ht, puerta_i18n::Language::Pt, puerta_i18n::Language::Fr] {
            let r = app.client.patch(app.url("/api/v1/me")).bearer_auth(&officer_token).json(&json!({"language": language.code()})).send().await.expect("sent");
            assert_eq!(r.status(), 200);
            for page in [case_page(case), "/staff/cases".to_string()] {
                let (status, html) = officer.get(&page).await;
                assert_eq!(status, 200);
                assert!(html.contains(&format!("<html lang=\"{}\">", language.code())), "{html}");
                let words = if page.ends_with("/staff/cases") { "bo-queue-title" } else { "bo-history-title" };
                assert!(html.contains(&escaped(&puerta_i18n::t(language, words))), "{language:?} {page}: {html}");
            }
        }
        let r = app.client.patch(app.url("/api/v1/me")).bearer_auth(&officer_token).json(&json!({"language": "en"})).send().await.expect("sent");
        assert_eq!(r.status(), 200);

        // A mistyped reference number is a page saying so.
        let (status, html) = officer.get("/staff/cases/PUE123").await;
        assert_eq!(status, 404, "{html}");

        // A supervisor may give the case to an officer, chosen by name.
        let (supervisor, _) = staff(&app, "lead@example.org", "supervisor").await;
        let (_, html) = supervisor.get(&case_page(case)).await;
        assert!(html.contains("Assign to") && html.contains("Staff Member (Officer)"), "{html}");
        let officer_id = html.split("<option value=\"").nth(1).and_then(|s| s.split('"').next()).expect("an option").to_string();
        let (status, _, _) = supervisor.submit(&case_page(case), &step(case, "assign"), &[("officer_id", &officer_id)]).await;
        assert_eq!(status, 303);
        let (status, _, html) = supervisor.submit(&case_page(case), &step(case, "assign"), &[("officer_id", "nobody")]).await;
        assert_eq!(status, 422);
        assert!(html.contains("Choose an active officer or supervisor."), "{html}");
        let (status, _, _) = officer.submit(&case_page(case), &step(case, "assign"), &[("officer_id", &officer_id)]).await;
        assert_eq!(status, 403, "officers do not assign");

        // Travelers are kept out of the back office.
        let traveler = Browser::new(&app);
        let (_, location, _) = traveler.submit("/sign-in", "/sign-in", &[("email", "group@example.org"), ("password", PASSWORD)]).await;
        assert_eq!(location, "/dashboard");
        assert_eq!(traveler.get("/staff/cases").await.0, 403);
        let (status, _) = traveler.get(&case_page(case)).await;
        assert!(status == 403 || status == 404, "{status}");
        let (status, _, _) = traveler.submit("/dashboard", &step(case, "claim"), &[]).await;
        assert!(status == 403 || status == 404, "{status}");
        assert_eq!(traveler.get("/admin/reason-codes").await.0, 403);
        // Signed out, the sign-in page.
        let (status, _) = Browser::new(&app).get("/staff/cases").await;
        assert_eq!(status, 303);
    }

    async fn two_officers_claim_at_once_through_the_page_and_exactly_one_wins(app) {
        let (_, references) = submitted(&app, "claim@example.org", &["Marie"], None).await;
        let case = &references[0];
        let (first, _) = staff(&app, "first@example.org", "officer").await;
        let (second, _) = staff(&app, "second@example.org", "officer").await;
        let first_token = csrf_token(&first.get(&case_page(case)).await.1).expect("token");
        let second_token = csrf_token(&second.get(&case_page(case)).await.1).expect("token");
        let claim = step(case, "claim");
        let (a, b) = tokio::join!(first.post(&claim, &first_token, &[]), second.post(&claim, &second_token, &[]));
        let mut statuses = [a.0, b.0];
        statuses.sort_unstable();
        assert_eq!(statuses, [303, 409], "exactly one wins");
        let lost = if a.0 == 409 { &a.2 } else { &b.2 };
        assert!(lost.contains("Another officer has already taken this case."), "the other sees why: {lost}");
        assert!(lost.contains("href=\"#case-message\""), "in the error summary: {lost}");
        let winner = if a.0 == 303 { &first } else { &second };
        let (_, html) = winner.get(&case_page(case)).await;
        assert!(html.contains("Held by: You") && !html.contains("Claim this case"), "{html}");
    }

    async fn an_officer_asks_for_evidence_through_the_page_and_a_bad_due_date_is_a_message(app) {
        let (holder, references) = submitted(&app, "evidence@example.org", &["Marie"], None).await;
        let case = &references[0];
        let (officer, _) = staff(&app, "officer@example.org", "officer").await;
        let (_, html) = officer.get(&case_page(case)).await;
        assert!(html.contains("Start the review") && !html.contains("Ask for documents"), "{html}");
        let (status, _, _) = officer.submit(&case_page(case), &step(case, "status"), &[("to", "in_review")]).await;
        assert_eq!(status, 303);
        let (_, html) = officer.get(&case_page(case)).await;
        assert!(html.contains("Ask for documents") && html.contains("Leave it empty for 30 days"), "{html}");

        // Nothing asked for; then a date past 12 weeks, kept in the fields with its message.
        let (status, _, html) = officer.submit(&case_page(case), &step(case, "evidence-request"), &[("items", "\n \n"), ("due_day", ""), ("due_month", ""), ("due_year", "")]).await;
        assert_eq!(status, 422);
        assert!(html.contains("id=\"evidence-items-error\"") && html.contains("List at least 1 document"), "{html}");
        let (d, m, y) = date_in(&app, 100);
        let (status, _, html) = officer.submit(&case_page(case), &step(case, "evidence-request"), &[("items", "Birth certificate\nProof of address"), ("due_day", &d), ("due_month", &m), ("due_year", &y)]).await;
        assert_eq!(status, 422);
        assert!(html.contains("id=\"due-error\"") && html.contains("Enter a due date from tomorrow up to 12 weeks from today"), "{html}");
        assert!(html.contains("href=\"#due-day\"") && html.contains(&format!("value=\"{y}\"")), "{html}");
        assert!(html.contains("Birth certificate\nProof of address</textarea>"), "what was typed stays: {html}");
        let (status, _, _) = officer.submit(&case_page(case), &step(case, "evidence-request"), &[("items", "x"), ("due_day", "31"), ("due_month", "2"), ("due_year", &y)]).await;
        assert_eq!(status, 422, "no such date");

        let (d, m, y) = date_in(&app, 10);
        let (status, location, _) = officer.submit(&case_page(case), &step(case, "evidence-request"), &[("items", "Birth certificate\nProof of address"), ("due_day", &d), ("due_month", &m), ("due_year", &y)]).await;
        assert_eq!((status, location.as_str()), (303, format!("/staff/cases/{case}?notice=bo-notice-evidence-requested").as_str()));
        let seen = json_of(app.get_with(&format!("/api/v1/cases/{case}"), &holder).await, 200).await;
        assert_eq!(seen["status"], "evidence_requested");
        assert_eq!(seen["evidence_requests"][0]["items"][1]["description"], "Proof of address", "{seen}");
        assert_eq!(seen["evidence_requests"][0]["due_date"], format!("{y}-{m:0>2}-{d:0>2}"), "{seen}");
        let (_, html) = officer.get(&case_page(case)).await;
        assert!(html.contains("Requests for documents") && html.contains("<li>Proof of address</li>"), "{html}");
        assert!(html.contains("You can decide on the record only after the due date."), "{html}");

        // Deciding before the due date is refused on the page.
        let (status, _, html) = officer.submit(&case_page(case), &step(case, "decision"), &[("outcome", "approved"), ("narrative", "Fine.")]).await;
        assert_eq!(status, 409);
        assert!(html.contains(&escaped("The traveler still has time to answer the request for evidence.")), "{html}");
        assert!(html.contains("Fine.</textarea>"), "the narrative stays: {html}");
    }

    async fn a_denial_with_reasons_and_its_appeal_decided_by_another_supervisor(app) {
        let (holder, references) = submitted(&app, "denied@example.org", &["Marie"], None).await;
        let case = &references[0];
        let (decider, _) = staff(&app, "decider@example.org", "supervisor").await;
        let (second, _) = staff(&app, "second@example.org", "supervisor").await;
        let (officer, _) = staff(&app, "officer@example.org", "officer").await;
        let (status, _, _) = decider.submit(&case_page(case), &step(case, "status"), &[("to", "in_review")]).await;
        assert_eq!(status, 303);
        let (_, html) = decider.get(&case_page(case)).await;
        assert!(html.contains("value=\"insufficient_evidence\"") && html.contains("Record the decision"), "the reasons to choose: {html}");

        // A denial needs a reason.
        let (status, _, html) = decider.submit(&case_page(case), &step(case, "decision"), &[("outcome", "denied"), ("narrative", "No.")]).await;
        assert_eq!(status, 422);
        assert!(html.contains("id=\"decide-reasons-error\"") && html.contains("A denial needs at least 1 reason."), "{html}");
        let (status, _, html) = decider.submit(&case_page(case), &step(case, "decision"), &[("narrative", "No.")]).await;
        assert_eq!(status, 422);
        assert!(html.contains("id=\"decide-outcome-error\""), "{html}");
        let (status, location, _) = decider
            .submit(&case_page(case), &step(case, "decision"), &[("outcome", "denied"), ("reason_codes", "insufficient_evidence"), ("reason_codes", "identity_not_established"), ("narrative", "The birth certificate is illegible.")])
            .await;
        assert_eq!((status, location.as_str()), (303, format!("/staff/cases/{case}?notice=bo-notice-decided").as_str()));
        let seen = json_of(app.get_with(&format!("/api/v1/cases/{case}"), &holder).await, 200).await;
        assert_eq!(seen["status"], "denied");
        let codes: Vec<&str> = seen["decision"]["reasons"].as_array().expect("reasons").iter().filter_map(|r| r["code"].as_str()).collect();
        assert_eq!(codes, ["identity_not_established", "insufficient_evidence"]);
        let (_, html) = decider.get(&case_page(case)).await;
        assert!(html.contains("insufficient_evidence: ") && html.contains("The birth certificate is illegible."), "{html}");
        assert!(html.contains("Denied, by Staff Member"), "the history says who: {html}");

        // The traveler appeals; the statement is on the staff page.
        let r = app.client.post(app.url(&format!("/api/v1/cases/{case}/appeal"))).bearer_auth(&holder).json(&json!({"statement": "Here is a legible copy."})).send().await.expect("sent");
        assert_eq!(r.status(), 201);
        let (_, html) = second.get(&case_page(case)).await;
        assert!(html.contains("Here is a legible copy.") && html.contains("Decide the appeal"), "{html}");

        // Not the deciding supervisor, and not an officer.
        let (_, html) = decider.get(&case_page(case)).await;
        assert!(html.contains("another supervisor must decide its appeal"), "told before trying: {html}");
        let (status, _, html) = decider.submit(&case_page(case), &step(case, "appeal-decision"), &[("outcome", "granted"), ("narrative", "Fine.")]).await;
        assert_eq!(status, 409);
        assert!(html.contains("You made the decision on this case, so you cannot decide its appeal."), "{html}");
        let (_, html) = officer.get(&case_page(case)).await;
        assert!(!html.contains("Decide the appeal"), "officers are not offered it: {html}");
        let (status, _, _) = officer.submit(&case_page(case), &step(case, "appeal-decision"), &[("outcome", "granted"), ("narrative", "Fine.")]).await;
        assert_eq!(status, 403);
        let (status, _, html) = second.submit(&case_page(case), &step(case, "appeal-decision"), &[("outcome", "granted"), ("narrative", " ")]).await;
        assert_eq!(status, 422);
        assert!(html.contains("id=\"appeal-narrative-error\""), "{html}");

        let (status, location, _) = second.submit(&case_page(case), &step(case, "appeal-decision"), &[("outcome", "granted"), ("narrative", "The new copy is legible.")]).await;
        assert_eq!((status, location.as_str()), (303, format!("/staff/cases/{case}?notice=bo-notice-appeal-decided").as_str()));
        let seen = json_of(app.get_with(&format!("/api/v1/cases/{case}"), &holder).await, 200).await;
        assert_eq!(seen["status"], "appeal_granted");
        let (_, html) = second.get(&case_page(case)).await;
        assert!(html.contains("Granted: the denial is reversed") && html.contains("The new copy is legible."), "{html}");
        assert!(html.contains("This case has no step to take now."), "{html}");
    }

    async fn an_admin_adds_and_retires_a_reason_through_the_page(app) {
        let (admin, _) = staff(&app, "root@example.org", "admin").await;
        let (_, html) = admin.get("/staff").await;
        assert!(html.contains("href=\"/admin/reason-codes\""), "the admin navigation links it: {html}");
        let (status, html) = admin.get("/admin/reason-codes").await;
        assert_eq!(status, 200);
        assert!(html.contains("<code>insufficient_evidence</code>") && html.contains("Kreyòl ayisyen"), "{html}");

        let mut fields = vec![
            ("code", "document_expired"),
            ("title", "Document expired"),
            ("titles.en", "Your identity document has expired."),
            ("titles.es", "Su documento de identidad está vencido."),
            ("titles.ht", "Dokiman idantite ou a ekspire."),
            ("titles.pt", "Seu documento de identidade está vencido."),
        ];
        let (status, _, html) = admin.submit("/admin/reason-codes", "/admin/reason-codes", &fields).await;
        assert_eq!(status, 422, "French is missing");
        assert!(html.contains("id=\"titles.fr-error\"") && html.contains("href=\"#titles.fr\""), "{html}");
        assert!(html.contains("value=\"Dokiman idantite ou a ekspire.\""), "what was typed stays: {html}");
        fields.push(("titles.fr", "Votre pièce d'identité est expirée."));
        let (status, location, _) = admin.submit("/admin/reason-codes", "/admin/reason-codes", &fields).await;
        assert_eq!((status, location.as_str()), (303, "/admin/reason-codes?notice=bo-notice-reason-added"));
        let (_, html) = admin.get(&location).await;
        assert!(html.contains("<code>document_expired</code>") && html.contains("Dokiman idantite ou a ekspire."), "{html}");
        let (status, _, html) = admin.submit("/admin/reason-codes", "/admin/reason-codes", &fields).await;
        assert_eq!(status, 409);
        assert!(html.contains("A reason with this code already exists."), "{html}");

        // Officers may cite it now; once retired, no longer.
        let (officer, officer_token) = staff(&app, "officer@example.org", "officer").await;
        let codes = json_of(app.get_with("/api/v1/staff/reason-codes", &officer_token).await, 200).await;
        assert!(codes.to_string().contains("document_expired"), "{codes}");
        let (status, location, _) = admin.submit("/admin/reason-codes", "/admin/reason-codes/document_expired/retire", &[]).await;
        assert_eq!((status, location.as_str()), (303, "/admin/reason-codes?notice=bo-notice-reason-retired"));
        let (_, html) = admin.get("/admin/reason-codes").await;
        assert!(html.contains("Retired") && !html.contains("/admin/reason-codes/document_expired/retire"), "{html}");
        let codes = json_of(app.get_with("/api/v1/staff/reason-codes", &officer_token).await, 200).await;
        assert!(!codes.to_string().contains("document_expired"), "{codes}");
        let (status, _, _) = admin.submit("/admin/reason-codes", "/admin/reason-codes/no_such_reason/retire", &[]).await;
        assert_eq!(status, 404);
        assert_eq!(officer.get("/admin/reason-codes").await.0, 403, "officers do not manage reasons");
    }
}
