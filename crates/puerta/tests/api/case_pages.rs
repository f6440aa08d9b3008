//! The traveler's case pages (issue 10) in a cookie-keeping client, as a browser without
//! JavaScript uses them; officers act through the API. The page shows what is asked and by when
//! (in the reader's zone and language), takes uploads through a CSRF-checked multipart form,
//! answers, shows a denial's reasons and the appeal form, appeals once, withdraws before a
//! decision, and shows another traveler nothing.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use puerta_i18n::{Arg, Language, format_in_zone, t, t_args};
use serde_json::json;

use crate::documents::pdf;
use crate::helpers::{PASSWORD, TestApp};

/// A browser: keeps cookies, sends our Origin on form posts, reads the CSRF token from pages.
struct Browser<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
}

/// What a page answered: status, `Location`, body.
struct Answer {
    status: u16,
    location: String,
    body: String,
}

impl<'a> Browser<'a> {
    /// Signs in through the sign-in page.
    async fn signed_in(app: &'a TestApp, email: &str) -> Self {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let browser = Self { app, client };
        let answer =
            browser.submit("/sign-in", "/sign-in", &[("email", email), ("password", PASSWORD)]).await;
        assert_eq!((answer.status, answer.location.as_str()), (303, "/dashboard"), "{}", answer.body);
        browser
    }

    async fn answer(response: reqwest::Response) -> Answer {
        let status = response.status().as_u16();
        let location =
            response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        Answer { status, location, body: response.text().await.unwrap_or_default() }
    }

    async fn get(&self, path: &str) -> Answer {
        let r = self.client.get(self.app.url(path)).header("accept", "text/html").send().await.expect("sent");
        Self::answer(r).await
    }

    async fn token(&self, path: &str) -> String {
        let page = self.get(path).await;
        csrf_token(&page.body).unwrap_or_else(|| panic!("no form on {path}: {}", page.body))
    }

    /// GETs `page`, then posts `fields` to `action` with its CSRF token.
    async fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> Answer {
        let token = self.token(page).await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &token));
        let r = self
            .client
            .post(self.app.url(action))
            .header("accept", "text/html")
            .header("origin", &self.app.address)
            .form(&form)
            .send()
            .await
            .expect("sent");
        Self::answer(r).await
    }

    /// Posts a multipart body made of `parts` (name, file name, bytes) in that order.
    async fn post_multipart(&self, action: &str, parts: &[(&str, Option<&str>, &[u8])]) -> Answer {
        let (content_type, body) = multipart(parts);
        let r = self
            .client
            .post(self.app.url(action))
            .header("accept", "text/html")
            .header("origin", &self.app.address)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("sent");
        Self::answer(r).await
    }

    /// The case page's upload form, as a browser sends it: token, kind, file.
    async fn upload(&self, reference: &str, kind: &str, name: &str, bytes: &[u8]) -> Answer {
        let token = self.token(&format!("/cases/{reference}")).await;
        self.post_multipart(
            &format!("/cases/{reference}/documents"),
            &[
                ("csrf_token", None, token.as_bytes()),
                ("kind", None, kind.as_bytes()),
                ("file", Some(name), bytes),
            ],
        )
        .await
    }
}

fn csrf_token(html: &str) -> Option<String> {
    html.split("name=\"csrf_token\" value=\"").nth(1)?.split('"').next().map(str::to_string)
}

pub(crate) fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "puerta-page-boundary-Wq8ZrT0kLm";
    let mut body = Vec::new();
    for (name, file_name, bytes) in parts {
        let disposition = match file_name {
            Some(file) => format!(
                "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream"
            ),
            None => format!("Content-Disposition: form-data; name=\"{name}\""),
        };
        body.extend_from_slice(format!("--{boundary}\r\n{disposition}\r\n\r\n").as_bytes());
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// The page's text with HTML escapes undone, to compare with Fluent messages.
fn text(html: &str) -> String {
    html.replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn png() -> Vec<u8> {
    let picture = image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(8, 8, |x, y| {
        image::Rgb([u8::try_from(x * 30).unwrap_or(0), u8::try_from(y * 30).unwrap_or(0), 90])
    }));
    let mut out = Cursor::new(Vec::new());
    picture.write_to(&mut out, image::ImageFormat::Png).expect("png");
    out.into_inner()
}

async fn post(app: &TestApp, token: &str, path: &str, body: serde_json::Value) -> serde_json::Value {
    let r = app.client.post(app.url(path)).bearer_auth(token).json(&body).send().await.expect("sent");
    let status = r.status().as_u16();
    let body: serde_json::Value = r.json().await.unwrap_or_default();
    assert!((200..300).contains(&status), "{path}: {status} {body}");
    body
}

async fn case_json(app: &TestApp, token: &str, reference: &str) -> serde_json::Value {
    let r = app.get_with(&format!("/api/v1/cases/{reference}"), token).await;
    assert_eq!(r.status(), 200);
    r.json().await.expect("json")
}

fn ms(rfc3339: &serde_json::Value) -> i64 {
    chrono::DateTime::parse_from_rfc3339(rfc3339.as_str().expect("a time"))
        .expect("rfc3339")
        .timestamp_millis()
}

/// A verified traveler (Spanish, in Tijuana's zone) with one submitted case: (token, reference).
async fn traveler_with_case(app: &TestApp, email: &str) -> (String, String) {
    app.verified_traveler(email, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    let r = app
        .client
        .patch(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .json(&json!({"time_zone": "America/Tijuana", "language": "es"}))
        .send()
        .await
        .expect("sent");
    assert_eq!(r.status(), 200);
    let traveler = json!({
        "given_name": "Marie", "family_name": "Joseph", "date_of_birth": "1990-07-04",
        "nationality": "HT", "country_of_birth": "HT", "city_of_birth": "Jacmel",
        "country_of_residence": "MX", "language": "ht"
    });
    let id = post(app, &token, "/api/v1/travelers", traveler).await["id"].as_str().expect("id").to_string();
    let destination =
        json!({"line1": "100 Main St", "city": "Brownsville", "state": "TX", "postal_code": "78520"});
    let receipt = post(
        app,
        &token,
        "/api/v1/applications",
        json!({"traveler_ids": [id], "us_destination": destination}),
    )
    .await;
    (token, receipt["cases"][0]["reference_number"].as_str().expect("ref").to_string())
}

/// A staff account with a second factor: its token.
async fn staff(app: &TestApp, email: &str, role: &str) -> String {
    app.staff(email, role, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    app.enrol_totp(&token).await;
    token
}

async fn officer(app: &TestApp, email: &str) -> String {
    staff(app, email, "officer").await
}

fn staff_case(reference: &str, step: &str) -> String {
    format!("/api/v1/staff/cases/{reference}/{step}")
}

/// The officer takes the case into review.
async fn in_review(app: &TestApp, officer: &str, reference: &str) {
    post(app, officer, &staff_case(reference, "claim"), json!({})).await;
    post(app, officer, &staff_case(reference, "transitions"), json!({"to": "in_review"})).await;
}

async fn deny(app: &TestApp, officer: &str, reference: &str) {
    in_review(app, officer, reference).await;
    let decision = json!({
        "outcome": "denied",
        "reason_codes": ["insufficient_evidence", "identity_not_established"],
        "narrative": "The birth certificate cannot be read.\nThe photo does not match."
    });
    post(app, officer, &staff_case(reference, "decision"), decision).await;
}

fn data_dir(app: &TestApp) -> PathBuf {
    app.outbox.parent().expect("data dir").to_path_buf()
}

/// Every file under `dir`, at any depth.
fn files_under(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries.filter_map(Result::ok).map(|e| if e.path().is_dir() { files_under(&e.path()) } else { 1 }).sum()
}

fn es(id: &str) -> String {
    t(Language::Es, id)
}

fn es_time(id: &str, at_ms: i64) -> String {
    let zone = "America/Tijuana".parse().expect("zone");
    t_args(Language::Es, id, vec![("time", Arg::from(format_in_zone(Language::Es, at_ms, zone)))])
}

/// The message shown beside `field` (`<p class="error-message" id="{field}-error">…</p>`).
fn beside(html: &str, field: &str) -> Option<String> {
    let start = html.find(&format!("id=\"{field}-error\">"))?;
    let rest = &html[start..];
    let message = &rest[rest.find('>')? + 1..rest.find("</p>")?];
    Some(text(message))
}

on_both_backends! {
    async fn the_traveler_sees_what_is_asked_uploads_it_and_says_they_sent_everything(app) {
        let (token, reference) = traveler_with_case(&app, "rfe@example.org").await;
        let officer = officer(&app, "officer@example.org").await;
        in_review(&app, &officer, &reference).await;
        let items = json!({"items": [{"description": "Birth certificate"}, {"description": "Passport photo page"}]});
        post(&app, &officer, &staff_case(&reference, "evidence-requests"), items).await;
        let due_at = ms(&case_json(&app, &token, &reference).await["evidence_requests"][0]["due_at"]);

        let browser = Browser::signed_in(&app, "rfe@example.org").await;
        // The dashboard leads to the list; the list shows the case with its tag and grouped number.
        let dashboard = browser.get("/dashboard").await;
        assert!(dashboard.body.contains("href=\"/cases\""), "{}", dashboard.body);
        let list = browser.get("/cases").await;
        assert_eq!(list.status, 200);
        let grouped = puerta_domain::cases::ReferenceNumber::parse(&reference).expect("ref").grouped();
        let list_text = text(&list.body);
        assert!(list_text.contains(&grouped) && list_text.contains("Marie Joseph"), "{list_text}");
        assert!(list_text.contains(&es("casepage-tag-evidence_requested")), "{list_text}");
        assert!(list.body.contains(&format!("href=\"/cases/{reference}\"")));

        // The case: where it stands, what to do, each item asked and the due time in Tijuana, in Spanish.
        let page = browser.get(&format!("/cases/{reference}")).await;
        assert_eq!(page.status, 200);
        let page_text = text(&page.body);
        assert!(page.body.contains("<html lang=\"es\">"));
        for expected in [
            es("case-status-evidence_requested"),
            es("case-next-evidence_requested"),
            "Birth certificate".to_string(),
            "Passport photo page".to_string(),
            es_time("casepage-evidence-due", due_at),
            es("case-status-received"),
        ] {
            assert!(page_text.contains(&expected), "{expected:?} not in {page_text}");
        }
        assert!(page_text.contains("hora del Pacífico (Tijuana, Mexicali)"), "{page_text}");
        assert!(page.body.contains("enctype=\"multipart/form-data\""));
        // The timeline is newest first.
        let requested = page_text.rfind(&es("case-status-evidence_requested")).expect("requested");
        let received = page_text.rfind(&es("case-status-received")).expect("received");
        assert!(requested < received, "newest first");

        // A PDF through the page form is stored, listed, and comes back byte for byte.
        let pdf = pdf();
        let sent = browser.upload(&reference, "evidence", "acta.pdf", &pdf).await;
        assert_eq!(sent.status, 303, "{}", sent.body);
        assert_eq!(sent.location, format!("/cases/{reference}?notice=casepage-notice-uploaded"));
        let seen = case_json(&app, &token, &reference).await;
        let documents = seen["documents"].as_array().expect("documents");
        assert_eq!(documents.len(), 1, "{seen}");
        assert_eq!(documents[0]["kind"], "evidence");
        let id = documents[0]["id"].as_str().expect("id").to_string();
        let page = browser.get(&sent.location).await;
        assert!(text(&page.body).contains(&es("casepage-notice-uploaded")));
        assert!(page.body.contains(&format!("href=\"/documents/{id}\"")), "{}", page.body);
        let download = browser.client.get(app.url(&format!("/documents/{id}"))).send().await.expect("sent");
        assert_eq!(download.status(), 200);
        assert_eq!(download.headers()["content-type"], "application/pdf");
        assert!(download.headers()["content-disposition"].to_str().expect("ascii").starts_with("attachment"));
        assert_eq!(download.headers()["cache-control"], "no-store");
        assert_eq!(download.bytes().await.expect("bytes").as_ref(), pdf.as_slice());

        // "I have sent everything": the case moves on, and the request is answered.
        let done = browser.submit(&format!("/cases/{reference}"), &format!("/cases/{reference}/evidence-answered"), &[]).await;
        assert_eq!((done.status, done.location.as_str()), (303, format!("/cases/{reference}?notice=casepage-notice-evidence-sent").as_str()), "{}", done.body);
        let seen = case_json(&app, &token, &reference).await;
        assert_eq!(seen["status"], "evidence_received");
        assert!(seen["evidence_requests"][0]["answered_at"].is_string());
        let page = browser.get(&format!("/cases/{reference}")).await;
        let page_text = text(&page.body);
        assert!(page_text.contains(&es("case-status-evidence_received")), "{page_text}");
        assert!(!page.body.contains("/evidence-answered"), "nothing more to answer");
        // A second "I have sent everything" is refused with a message, not an error page.
        let token_now = csrf_token(&page.body).expect("token");
        let again = browser.client.post(app.url(&format!("/cases/{reference}/evidence-answered")))
            .header("accept", "text/html").header("origin", &app.address)
            .form(&[("csrf_token", token_now.as_str())]).send().await.expect("sent");
        let again = Browser::answer(again).await;
        assert_eq!(again.status, 409);
        assert!(again.body.contains("error-summary"), "{}", again.body);
    }

    async fn a_bad_upload_shows_its_message_beside_the_file_field_and_stores_nothing(app) {
        let (token, reference) = traveler_with_case(&app, "bad@example.org").await;
        let browser = Browser::signed_in(&app, "bad@example.org").await;
        let mut too_big = pdf();
        too_big.resize(6 * 1024 * 1024 + 1, b' ');
        let cases: Vec<(&str, &str, Vec<u8>, &str)> = vec![
            ("a PNG named .pdf", "foto.pdf", png(), "error-document-name-mismatch"),
            ("a text file", "notas.txt", b"just some words\n".to_vec(), "error-document-type"),
            ("an empty file", "vacio.pdf", Vec::new(), "error-document-empty"),
            ("a cut PDF", "cortado.pdf", pdf()[..100].to_vec(), "error-document-corrupt"),
            ("a path trick", "../../etc/passwd.pdf", pdf(), "error-document-name"),
            // Over the largest document but within the upload route's larger body cap.
            ("too big", "grande.pdf", too_big, "error-document-too-big"),
        ];
        for (what, name, bytes, message) in cases {
            let answer = browser.upload(&reference, "passport", name, &bytes).await;
            assert_eq!(answer.status, 422, "{what}: {}", answer.body);
            assert!(answer.body.contains("class=\"error-summary\""), "{what}");
            assert!(answer.body.contains("href=\"#file\""), "{what}: the summary links to the field");
            let expected = t_args(Language::Es, message, vec![("limit", Arg::from("6 MB"))]);
            assert_eq!(beside(&answer.body, "file").as_deref(), Some(expected.as_str()), "{what}");
            assert!(answer.body.contains("<option value=\"passport\" selected>"), "{what}: the kind is kept");
        }
        // No file chosen: the browser sends an empty part without a name.
        let answer = browser.upload(&reference, "passport", "", b"").await;
        assert_eq!(answer.status, 422);
        assert_eq!(beside(&answer.body, "file").as_deref(), Some(es("casepage-error-file-required").as_str()));
        // No kind: the message is beside the kind.
        let answer = browser.upload(&reference, "", "p.pdf", &pdf()).await;
        assert_eq!(answer.status, 422);
        assert_eq!(beside(&answer.body, "kind").as_deref(), Some(es("error-document-kind").as_str()));

        // Without the CSRF token, with a wrong one, or with the file before the token: 403.
        let path = format!("/cases/{reference}/documents");
        let pdf = pdf();
        let missing = browser.post_multipart(&path, &[("kind", None, b"passport"), ("file", Some("p.pdf"), &pdf)]).await;
        assert_eq!(missing.status, 403, "{}", missing.body);
        let wrong = browser.post_multipart(&path, &[("csrf_token", None, b"0000"), ("kind", None, b"passport"), ("file", Some("p.pdf"), &pdf)]).await;
        assert_eq!(wrong.status, 403);
        let token_now = browser.token(&format!("/cases/{reference}")).await;
        let late = browser.post_multipart(&path, &[("file", Some("p.pdf"), &pdf), ("csrf_token", None, token_now.as_bytes()), ("kind", None, b"passport")]).await;
        assert_eq!(late.status, 403);
        // From another site, even with a good token.
        let (content_type, body) = multipart(&[("csrf_token", None, token_now.as_bytes()), ("kind", None, b"passport"), ("file", Some("p.pdf"), &pdf)]);
        let foreign = browser.client.post(app.url(&path)).header("origin", "https://evil.example")
            .header("content-type", content_type).body(body).send().await.expect("sent");
        assert_eq!(foreign.status(), 403);

        let seen = case_json(&app, &token, &reference).await;
        assert_eq!(seen["documents"].as_array().map(Vec::len), Some(0), "{seen}");
        assert_eq!(files_under(&data_dir(&app).join("documents")), 0, "no object stored");
        // A body over the upload cap is refused before it is read to the end.
        let mut huge = pdf.clone();
        huge.resize(7 * 1024 * 1024, b' ');
        assert_eq!(browser.upload(&reference, "passport", "huge.pdf", &huge).await.status, 413);
        assert_eq!(files_under(&data_dir(&app).join("documents")), 0, "still no object");
        // And a good one still goes through.
        assert_eq!(browser.upload(&reference, "passport", "p.pdf", &pdf).await.status, 303);
    }

    async fn a_denial_shows_its_reasons_in_spanish_and_the_appeal_is_taken_once(app) {
        let (token, reference) = traveler_with_case(&app, "denied@example.org").await;
        let officer = officer(&app, "officer@example.org").await;
        deny(&app, &officer, &reference).await;
        let deadline = ms(&case_json(&app, &token, &reference).await["decision"]["appeal_deadline_at"]);

        let browser = Browser::signed_in(&app, "denied@example.org").await;
        let case_path = format!("/cases/{reference}");
        let page = browser.get(&case_path).await;
        assert_eq!(page.status, 200);
        let page_text = text(&page.body);
        for expected in [
            es("casepage-decision-denied-title"),
            es("reason-insufficient_evidence"),
            es("reason-identity_not_established"),
            "The birth certificate cannot be read.".to_string(),
            "The photo does not match.".to_string(),
            es("casepage-appeal-how"),
            es_time("casepage-appeal-deadline", deadline),
        ] {
            assert!(page_text.contains(&expected), "{expected:?} not in {page_text}");
        }
        assert!(page.body.contains(&format!("action=\"/cases/{reference}/appeal\"")), "the appeal form");
        assert!(!page.body.contains("/withdraw\""), "no withdrawing after a decision");
        // Withdrawing now is refused with a message.
        let refused = browser.submit(&case_path, &format!("{case_path}/withdraw"), &[]).await;
        assert_eq!(refused.status, 409, "{}", refused.body);
        assert!(text(&refused.body).contains(&es("problem-illegal_transition")), "{}", refused.body);

        // An empty statement: the message beside the field.
        let empty = browser.submit(&case_path, &format!("{case_path}/appeal"), &[("statement", "   ")]).await;
        assert_eq!(empty.status, 422);
        assert_eq!(beside(&empty.body, "statement").as_deref(), Some(es("error-field-required").as_str()));

        let appealed = browser.submit(&case_path, &format!("{case_path}/appeal"), &[("statement", "Aquí está una copia legible.")]).await;
        assert_eq!((appealed.status, appealed.location.as_str()), (303, format!("{case_path}?notice=casepage-notice-appealed").as_str()), "{}", appealed.body);
        assert_eq!(case_json(&app, &token, &reference).await["status"], "appeal_received");
        let page = browser.get(&case_path).await;
        let page_text = text(&page.body);
        assert!(page_text.contains(&es("case-status-appeal_received")), "{page_text}");
        assert!(page_text.contains("Aquí está una copia legible."), "the appeal is shown");
        assert!(!page.body.contains(&format!("action=\"/cases/{reference}/appeal\"")), "no second appeal form");

        // A second appeal (an old tab) is refused with a clear message.
        let token_now = csrf_token(&page.body).expect("token");
        let twice = browser.client.post(app.url(&format!("{case_path}/appeal")))
            .header("accept", "text/html").header("origin", &app.address)
            .form(&[("csrf_token", token_now.as_str()), ("statement", "Otra vez.")]).send().await.expect("sent");
        let twice = Browser::answer(twice).await;
        assert_eq!(twice.status, 409, "{}", twice.body);
        assert!(text(&twice.body).contains(&es("problem-appeal_already_made")), "{}", twice.body);
        assert_eq!(case_json(&app, &token, &reference).await["status"], "appeal_received");

        // Another supervisor decides the appeal: the page shows the outcome and their words.
        let supervisor = staff(&app, "supervisor@example.org", "supervisor").await;
        post(&app, &supervisor, &staff_case(&reference, "appeal-decision"), json!({"outcome": "granted", "narrative": "The new copy can be read."})).await;
        let page_text = text(&browser.get(&case_path).await.body);
        for expected in [es("case-status-appeal_granted"), es("casepage-appeal-outcome-title"), "The new copy can be read.".to_string(), "Aquí está una copia legible.".to_string()] {
            assert!(page_text.contains(&expected), "{expected:?} not in {page_text}");
        }
    }

    async fn an_approval_shows_its_next_steps_and_nothing_left_to_do(app) {
        let (_, reference) = traveler_with_case(&app, "approved@example.org").await;
        let officer = officer(&app, "officer@example.org").await;
        in_review(&app, &officer, &reference).await;
        post(&app, &officer, &staff_case(&reference, "decision"), json!({"outcome": "approved", "narrative": "Everything is in order."})).await;
        let browser = Browser::signed_in(&app, "approved@example.org").await;
        let page = browser.get(&format!("/cases/{reference}")).await;
        let page_text = text(&page.body);
        for expected in [es("casepage-decision-approved-title"), es("decision-approved-next-steps"), "Everything is in order.".to_string(), es("casepage-tag-approved")] {
            assert!(page_text.contains(&expected), "{expected:?} not in {page_text}");
        }
        for absent in ["/appeal\"", "/withdraw\"", "multipart/form-data", "/evidence-answered"] {
            assert!(!page.body.contains(absent), "{absent} on an approved case");
        }
    }

    async fn after_thirty_days_the_page_says_the_time_to_appeal_ended(app) {
        let (token, reference) = traveler_with_case(&app, "late@example.org").await;
        let officer = officer(&app, "officer@example.org").await;
        deny(&app, &officer, &reference).await;
        let deadline = ms(&case_json(&app, &token, &reference).await["decision"]["appeal_deadline_at"]);
        let browser = Browser::signed_in(&app, "late@example.org").await;
        let case_path = format!("/cases/{reference}");
        assert!(browser.get(&case_path).await.body.contains(&format!("action=\"{case_path}/appeal\"")));
        app.clock.advance_secs(30 * 86_400);
        // The session has ended by then: sign in again.
        let browser = Browser::signed_in(&app, "late@example.org").await;
        let page = browser.get(&case_path).await;
        assert!(!page.body.contains(&format!("action=\"{case_path}/appeal\"")), "no appeal form");
        assert!(!page.body.contains("multipart/form-data"), "no uploads for a closed denial");
        assert!(text(&page.body).contains(&es_time("casepage-appeal-closed", deadline)), "{}", page.body);
        let token_now = browser.token(&case_path).await;
        let late = browser.client.post(app.url(&format!("{case_path}/appeal")))
            .header("accept", "text/html").header("origin", &app.address)
            .form(&[("csrf_token", token_now.as_str()), ("statement", "Por favor.")]).send().await.expect("sent");
        let late = Browser::answer(late).await;
        assert_eq!(late.status, 409);
        assert!(text(&late.body).contains(&es("problem-appeal_late")), "{}", late.body);
    }

    async fn the_traveler_withdraws_a_case_before_its_decision_after_confirming(app) {
        let (token, reference) = traveler_with_case(&app, "withdraw@example.org").await;
        let browser = Browser::signed_in(&app, "withdraw@example.org").await;
        let case_path = format!("/cases/{reference}");
        let page = browser.get(&case_path).await;
        assert!(page.body.contains(&format!("href=\"{case_path}/withdraw\"")), "{}", page.body);
        let confirm = browser.get(&format!("{case_path}/withdraw")).await;
        assert_eq!(confirm.status, 200);
        assert!(text(&confirm.body).contains(&t_args(Language::Es, "casepage-withdraw-confirm-title", vec![("name", Arg::from("Marie Joseph"))])));
        // Without the token nothing happens.
        let forged = browser.client.post(app.url(&format!("{case_path}/withdraw"))).header("origin", &app.address)
            .form(&[("csrf_token", "0000")]).send().await.expect("sent");
        assert_eq!(forged.status(), 403);
        assert_eq!(case_json(&app, &token, &reference).await["status"], "received");

        let done = browser.submit(&format!("{case_path}/withdraw"), &format!("{case_path}/withdraw"), &[]).await;
        assert_eq!((done.status, done.location.as_str()), (303, format!("{case_path}?notice=casepage-notice-withdrawn").as_str()), "{}", done.body);
        assert_eq!(case_json(&app, &token, &reference).await["status"], "withdrawn");
        let page = browser.get(&done.location).await;
        let page_text = text(&page.body);
        assert!(page_text.contains(&es("casepage-notice-withdrawn")) && page_text.contains(&es("casepage-tag-withdrawn")), "{page_text}");
        assert!(!page.body.contains("/withdraw\""), "nothing left to withdraw");
        assert!(!page.body.contains("multipart/form-data"), "a closed case takes no uploads");
        // The confirmation page now leads back to the case.
        let confirm = browser.get(&format!("{case_path}/withdraw")).await;
        assert_eq!((confirm.status, confirm.location.as_str()), (303, case_path.as_str()));
    }

    async fn another_traveler_gets_404_and_a_mistyped_number_is_explained(app) {
        let (token, reference) = traveler_with_case(&app, "owner@example.org").await;
        let owner = Browser::signed_in(&app, "owner@example.org").await;
        assert_eq!(owner.upload(&reference, "passport", "p.pdf", &pdf()).await.status, 303);
        let id = case_json(&app, &token, &reference).await["documents"][0]["id"].as_str().expect("id").to_string();

        traveler_with_case(&app, "other@example.org").await;
        let other = Browser::signed_in(&app, "other@example.org").await;
        let case_path = format!("/cases/{reference}");
        assert_eq!(other.get(&case_path).await.status, 404);
        assert_eq!(other.get(&format!("/documents/{id}")).await.status, 404);
        assert_eq!(other.get(&format!("{case_path}/withdraw")).await.status, 404);
        let list = other.get("/cases").await;
        assert!(!list.body.contains(&reference), "not in the other's list");
        // Their own token does not reach someone else's case either.
        let token_other = other.token("/cases").await;
        let pdf = pdf();
        let upload = other.post_multipart(&format!("{case_path}/documents"), &[("csrf_token", None, token_other.as_bytes()), ("kind", None, b"passport"), ("file", Some("p.pdf"), &pdf)]).await;
        assert_eq!(upload.status, 404);
        let withdraw = other.client.post(app.url(&format!("{case_path}/withdraw"))).header("accept", "text/html")
            .header("origin", &app.address).form(&[("csrf_token", token_other.as_str())]).send().await.expect("sent");
        assert_eq!(withdraw.status(), 404);
        let seen = case_json(&app, &token, &reference).await;
        assert_eq!((seen["status"].as_str(), seen["documents"].as_array().map(Vec::len)), (Some("received"), Some(1)));

        // Signed out, the download asks to sign in.
        let signed_out = app.client.get(app.url(&format!("/documents/{id}"))).header("accept", "text/html").send().await.expect("sent");
        assert_eq!(signed_out.status(), 303);
        assert_eq!(signed_out.headers()["location"], "/sign-in");

        // One digit off: the check digit catches it, and the page says so.
        let last = reference.chars().last().and_then(|c| c.to_digit(10)).expect("digit");
        let mistyped = format!("{}{}", &reference[..reference.len() - 1], (last + 1) % 10);
        let page = owner.get(&format!("/cases/{mistyped}")).await;
        assert_eq!(page.status, 404);
        assert!(text(&page.body).contains(&es("error-reference-check-digit")), "{}", page.body);
    }
}
