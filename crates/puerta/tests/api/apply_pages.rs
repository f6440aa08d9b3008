//! The traveler's application pages in a cookie-keeping client, as a browser without JavaScript
//! would use them (issue 10): a group entered one question per page, drafts kept, field errors
//! beside the field, the eleventh person refused, and a receipt only its account holder can read.

use crate::helpers::{PASSWORD, TestApp};

/// A browser: keeps cookies, sends our Origin on form posts, reads the CSRF token from forms.
struct Browser<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
}

impl<'a> Browser<'a> {
    fn new(app: &'a TestApp) -> Self {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        Self { app, client }
    }

    async fn get(&self, path: &str) -> (u16, String) {
        let r = self.client.get(self.app.url(path)).header("accept", "text/html").send().await.expect("sent");
        (r.status().as_u16(), r.text().await.expect("html"))
    }

    /// GETs `form_path` for its CSRF token, then posts `fields` to `action`: (status, location, body).
    async fn submit(&self, form_path: &str, action: &str, fields: &[(&str, &str)]) -> (u16, String, String) {
        let (_, html) = self.get(form_path).await;
        let token = html.split("name=\"csrf_token\" value=\"").nth(1).and_then(|s| s.split('"').next());
        let token = token.unwrap_or_default().to_string();
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
        let location = r.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        (r.status().as_u16(), location, r.text().await.unwrap_or_default())
    }

    /// Posts a page's form and expects a redirect; answers where to.
    async fn step(&self, path: &str, fields: &[(&str, &str)]) -> String {
        let (status, location, body) = self.submit(path, path, fields).await;
        assert_eq!(status, 303, "{path}: {body}");
        location
    }
}

/// A verified traveler in `language`, signed in through the pages.
async fn signed_in<'a>(app: &'a TestApp, email: &str, language: &str) -> Browser<'a> {
    let body = serde_json::json!({"email": email, "password": PASSWORD, "full_name": "Marie Joseph", "language": language});
    assert_eq!(app.post_json("/api/v1/accounts", body).await.status(), 202);
    let code = app.last_code_for(email).await;
    let verified =
        app.post_json("/api/v1/accounts/verify", serde_json::json!({"email": email, "code": code})).await;
    assert_eq!(verified.status(), 200);
    let browser = Browser::new(app);
    let (status, location, _) =
        browser.submit("/sign-in", "/sign-in", &[("email", email), ("password", PASSWORD)]).await;
    assert_eq!((status, location.as_str()), (303, "/dashboard"));
    browser
}

/// "Add a person": answers the new draft's first page.
async fn add_person(browser: &Browser<'_>) -> String {
    let (status, location, body) = browser.submit("/apply", "/apply/people", &[]).await;
    assert_eq!(status, 303, "{body}");
    assert!(location.ends_with("/name"), "{location}");
    location
}

/// Enters a whole person through every page and saves them; answers the draft's address.
async fn enter_person(browser: &Browser<'_>, given: &str) {
    let mut page = add_person(browser).await;
    let draft = page.trim_end_matches("/name").to_string();
    let answers: [&[(&str, &str)]; 8] = [
        &[("given_name", given), ("family_name", "Joseph")],
        &[("birth_day", "4"), ("birth_month", "7"), ("birth_year", "1990")],
        &[("nationality", "HT"), ("country_of_birth", "HT"), ("city_of_birth", "Cap-Haïtien")],
        &[("country_of_residence", "MX")],
        &[("gender", "non_binary")],
        &[("language", "ht")],
        &[("phone", ""), ("email", "")],
        &[
            ("document_type", "passport"),
            ("document_number", "ab 123 456"),
            ("document_country", "HT"),
            ("expiry_day", "31"),
            ("expiry_month", "1"),
            ("expiry_year", "2031"),
        ],
    ];
    for fields in answers {
        page = browser.step(&page, fields).await;
    }
    assert_eq!(page, draft, "after the last page, the person's answers are read back");
    let (_, review) = browser.get(&draft).await;
    assert!(review.contains(given) && review.contains("Haiti") && review.contains("Passport"), "{review}");
    let (status, location, body) = browser.submit(&draft, &format!("{draft}/finish"), &[]).await;
    assert_eq!((status, location.as_str()), (303, "/apply"), "{body}");
}

on_both_backends! {
    async fn a_group_of_two_is_entered_page_by_page_and_gets_a_receipt_only_its_holder_can_read(app) {
        let browser = signed_in(&app, "marie@example.org", "en").await;
        let (_, dashboard) = browser.get("/dashboard").await;
        assert!(dashboard.contains("href=\"/apply\""), "linked from the dashboard");
        enter_person(&browser, "Marie").await;
        enter_person(&browser, "Jean").await;
        let (_, list) = browser.get("/apply").await;
        assert_eq!(list.matches("Completed").count(), 2, "{list}");
        let (status, location, body) = browser
            .submit("/apply/address", "/apply/address", &[
                ("line1", "100 Main St"), ("line2", ""), ("city", "Brownsville"), ("state", "TX"), ("postal_code", "78520"),
            ])
            .await;
        assert_eq!((status, location.as_str()), (303, "/apply"), "{body}");

        let (_, ports) = browser.get("/apply/port").await;
        assert!(ports.contains("I do not know yet"), "{ports}");
        let code = ports
            .split("name=\"port\" value=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .find(|v| !v.is_empty())
            .expect("a port to choose")
            .to_string();
        let (status, _, body) = browser.submit("/apply/port", "/apply/port", &[("port", "ZZZ")]).await;
        assert_eq!(status, 422, "an unknown port: {body}");
        assert!(body.contains("id=\"port-error\""), "{body}");
        assert_eq!(browser.step("/apply/port", &[("port", &code)]).await, "/apply");

        let (status, check) = browser.get("/apply/check").await;
        assert_eq!(status, 200);
        assert!(!check.contains("I do not know yet"), "the chosen port is read back: {check}");
        // "Change" on a saved person: one page, then back to check your answers.
        let jean = check.split("<h2>Jean Joseph</h2>").nth(1).expect("Jean's answers");
        let change = jean.split("href=\"").nth(1).and_then(|s| s.split('"').next()).expect("a Change link");
        assert!(change.starts_with("/apply/travelers/") && change.ends_with("/name"), "{change}");
        let back = browser.step(change, &[("given_name", "Jean-Baptiste"), ("family_name", "Joseph")]).await;
        assert_eq!(back, "/apply/check");
        let (status, _, body) = browser.submit(change, change, &[("given_name", ""), ("family_name", "Joseph")]).await;
        assert_eq!(status, 422, "{body}");
        assert!(body.contains("id=\"given_name-error\""), "{body}");
        let (_, check) = browser.get("/apply/check").await;
        assert!(check.contains("Jean-Baptiste Joseph") && check.contains("Marie Joseph") && check.contains("Brownsville"), "{check}");
        let (status, location, body) = browser.submit("/apply/check", "/apply/submit", &[]).await;
        assert_eq!(status, 303, "{body}");
        assert!(location.starts_with("/applications/") && location.ends_with("/receipt"), "{location}");

        let application_id = location.trim_start_matches("/applications/").trim_end_matches("/receipt");
        let stored = {
            let store = app.store().await;
            let mut read = store.read().await.expect("read");
            let id = puerta_domain::ids::ApplicationId::parse(application_id).expect("id");
            read.applications().find(&id).await.expect("find").expect("stored")
        };
        assert_eq!(stored.port_code.as_deref(), Some(code.as_str()), "the chosen port goes with the application");
        assert_eq!(stored.us_city, "Brownsville");
        let (status, receipt) = browser.get(&location).await;
        assert_eq!(status, 200);
        assert_eq!(receipt.matches("class=\"reference-number\"").count(), 2, "{receipt}");
        let codes: Vec<&str> = receipt.split("<div class=\"qr\"").skip(1).collect();
        assert_eq!(codes.len(), 2, "a QR code each: {receipt}");
        for code in codes {
            let drawn = code.split("</div>").next().unwrap_or("");
            assert!(drawn.contains("<svg") && drawn.contains("</svg>"), "drawn on the server as SVG: {drawn}");
        }
        let cases: serde_json::Value = {
            let token = app.token("marie@example.org", PASSWORD).await;
            app.get_with("/api/v1/cases", &token).await.json().await.expect("json")
        };
        for case in cases["items"].as_array().expect("items") {
            let reference: puerta_domain::cases::ReferenceNumber =
                puerta_domain::cases::ReferenceNumber::parse(case["reference_number"].as_str().expect("ref")).expect("valid");
            assert!(receipt.contains(&reference.grouped()), "{} grouped on the receipt", reference.grouped());
        }
        let (_, list) = browser.get("/apply").await;
        assert!(!list.contains("Marie Joseph"), "submitted people leave the task list: {list}");

        let stranger = signed_in(&app, "other@example.org", "en").await;
        let (status, _) = stranger.get(&location).await;
        assert_eq!(status, 404, "another traveler cannot read the receipt");
    }

    async fn a_half_finished_person_is_kept_as_a_draft(app) {
        let browser = signed_in(&app, "marie@example.org", "en").await;
        let first = add_person(&browser).await;
        let next = browser.step(&first, &[("given_name", "Rose"), ("family_name", "Pierre")]).await;
        assert!(next.ends_with("/date-of-birth"), "{next}");
        drop(browser);

        let again = Browser::new(&app);
        let (status, location, _) = again
            .submit("/sign-in", "/sign-in", &[("email", "marie@example.org"), ("password", PASSWORD)])
            .await;
        assert_eq!((status, location.as_str()), (303, "/dashboard"));
        let (_, list) = again.get("/apply").await;
        assert!(list.contains("Rose Pierre") && list.contains("In progress"), "{list}");
        assert!(list.contains(&format!("href=\"{next}\"")), "continues where it stopped: {list}");
        let (_, name) = again.get(&first).await;
        assert!(name.contains("value=\"Rose\""), "{name}");

        // "Remove" throws the draft away; another account never sees it.
        let stranger = signed_in(&app, "other@example.org", "en").await;
        let (status, _) = stranger.get(&first).await;
        assert_eq!(status, 404, "another account's draft");
        let draft = first.trim_end_matches("/name");
        let (status, location, _) = again.submit("/apply", &format!("{draft}/discard"), &[]).await;
        assert_eq!((status, location.as_str()), (303, "/apply"));
        let (_, list) = again.get("/apply").await;
        assert!(!list.contains("Rose Pierre"), "{list}");
    }

    async fn a_bad_date_is_explained_beside_the_field(app) {
        let browser = signed_in(&app, "marie@example.org", "en").await;
        let first = add_person(&browser).await;
        let dob = browser.step(&first, &[("given_name", "Rose"), ("family_name", "Pierre")]).await;
        let (status, _, body) = browser
            .submit(&dob, &dob, &[("birth_day", "31"), ("birth_month", "2"), ("birth_year", "1990")])
            .await;
        assert_eq!(status, 422, "{body}");
        assert!(body.contains("class=\"error-summary\"") && body.contains("href=\"#birth_day\""), "{body}");
        assert!(body.contains("id=\"birth_day-error\""), "beside the field: {body}");
        assert!(body.contains("value=\"31\""), "what was typed comes back: {body}");
        assert!(body.contains("for example 27 3 1990"), "says how to fill in the three boxes: {body}");
        let (status, _, body) = browser
            .submit(&dob, &dob, &[("birth_day", "1"), ("birth_month", "1"), ("birth_year", "2999")])
            .await;
        assert_eq!(status, 422);
        assert!(body.contains("today or in the past"), "{body}");
    }

    async fn the_eleventh_person_is_refused(app) {
        let browser = signed_in(&app, "marie@example.org", "en").await;
        for _ in 0..10 {
            add_person(&browser).await;
        }
        let (status, _, body) = browser.submit("/apply", "/apply/people", &[]).await;
        assert_eq!(status, 409, "{body}");
        assert!(body.contains("at most 10 travelers"), "{body}");
        let (_, list) = browser.get("/apply").await;
        assert_eq!(list.matches(">New person</a> <strong class=\"tag\">Not started").count(), 10, "{list}");
    }

    async fn pages_are_in_the_account_language(app) {
        let browser = signed_in(&app, "ana@example.org", "es").await;
        let (_, list) = browser.get("/apply").await;
        assert!(list.contains("<html lang=\"es\">") && list.contains("Enviar sus datos"), "{list}");
        let first = add_person(&browser).await;
        let draft = first.trim_end_matches("/name");
        let (_, birth) = browser.get(&format!("{draft}/birth")).await;
        assert!(birth.contains(">México</option>") && birth.contains(">Haití</option>"), "CLDR names: {birth}");
        let (status, _, body) = browser.submit(&first, &first, &[("given_name", ""), ("family_name", "Pérez")]).await;
        assert_eq!(status, 422);
        assert!(body.contains("Hay un problema") || body.contains("obligatorio"), "{body}");
    }
}
