//! Case checks through the API (issue 10): an administrator uploads the watchlist; each
//! submission is screened against it, compared with other open cases and with other groups'
//! US addresses; officers read and re-run the checks (audited); a hit never moves a case.

use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, assert_problem, bearer_post as post, json_of};

fn traveler(given: &str, family: &str, born: &str) -> serde_json::Value {
    json!({
        "given_name": given, "family_name": family, "date_of_birth": born,
        "nationality": "MX", "country_of_birth": "MX", "city_of_birth": "Oaxaca",
        "country_of_residence": "MX", "language": "es"
    })
}

fn address(line1: &str) -> serde_json::Value {
    json!({"line1": line1, "city": "Brownsville", "state": "TX", "postal_code": "78520"})
}

async fn upload(app: &TestApp, token: &str, csv: &str) -> reqwest::Response {
    app.client
        .put(app.url("/api/v1/admin/watchlist"))
        .bearer_auth(token)
        .header("content-type", "text/csv; charset=utf-8")
        .body(csv.to_string())
        .send()
        .await
        .expect("sent")
}

/// A staff account with a second factor: its token.
async fn staff(app: &TestApp, email: &str, role: &str) -> String {
    app.staff(email, role, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    app.enrol_totp(&token).await;
    token
}

/// A verified account holder who submits one traveler to `line1`: (token, reference number).
async fn submitted(app: &TestApp, email: &str, person: serde_json::Value, line1: &str) -> (String, String) {
    app.verified_traveler(email, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    let added = json_of(post(app, &token, "/api/v1/travelers", person).await, 201).await;
    let id = added["id"].as_str().expect("id").to_string();
    let receipt = json_of(
        post(
            app,
            &token,
            "/api/v1/applications",
            json!({"traveler_ids": [id], "us_destination": address(line1)}),
        )
        .await,
        201,
    )
    .await;
    (token, receipt["cases"][0]["reference_number"].as_str().expect("ref").to_string())
}

fn checks_path(reference: &str) -> String {
    format!("/api/v1/staff/cases/{reference}/checks")
}

/// The check of `kind` in a `GET …/checks` answer.
fn check<'a>(checks: &'a serde_json::Value, kind: &str) -> &'a serde_json::Value {
    checks
        .as_array()
        .expect("a list")
        .iter()
        .find(|c| c["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} check in {checks}"))
}

async fn audited(app: &TestApp, admin: &str, action: &str) -> usize {
    let audit =
        json_of(app.get_with(&format!("/api/v1/admin/audit?action={action}"), admin).await, 200).await;
    audit["items"].as_array().map_or(0, Vec::len)
}

on_both_backends! {
    async fn a_listed_person_with_accents_removed_and_names_swapped_is_a_hit_and_the_case_does_not_move(app) {
        let admin = staff(&app, "admin@example.org", "admin").await;
        let officer = staff(&app, "officer@example.org", "officer").await;
        let list = "full_name,date_of_birth\n\"PÉREZ GARCÍA, José María\",1990-07-04\nAna Lucía Torres,1985\n";
        let uploaded = json_of(upload(&app, &admin, list).await, 200).await;
        assert_eq!(uploaded["entries"], 2, "{uploaded}");

        let (holder, reference) =
            submitted(&app, "holder@example.org", traveler("Jose Maria", "Perez Garcia", "1990-07-04"), "100 Main St").await;
        let checks = json_of(app.get_with(&checks_path(&reference), &officer).await, 200).await;
        assert_eq!(checks.as_array().map(Vec::len), Some(3), "{checks}");
        let watchlist = check(&checks, "watchlist");
        assert_eq!(watchlist["outcome"], "hit", "{checks}");
        assert!(watchlist.get("ran_by").is_none(), "ran at submission: {watchlist}");
        let reason = &watchlist["reasons"][0];
        assert_eq!(reason["code"], "watchlist_match", "{reason}");
        assert_eq!(reason["listed_name"], "PÉREZ GARCÍA, José María");
        assert_eq!(reason["date_of_birth"], "exact");
        assert!(reason["score"].as_f64().is_some_and(|s| s >= 0.9), "{reason}");
        assert!(reason["detail"].as_str().is_some_and(|d| d.contains("PÉREZ GARCÍA, José María")), "{reason}");
        assert_eq!(check(&checks, "duplicate_person")["outcome"], "clear");
        assert_eq!(check(&checks, "shared_address")["outcome"], "clear");
        assert_eq!(check(&checks, "shared_address")["reasons"][0]["groups"], 1);

        // Running them again answers the same, by the officer; the case has not moved.
        let again = json_of(post(&app, &officer, &checks_path(&reference), json!({})).await, 200).await;
        assert_eq!(check(&again, "watchlist")["outcome"], "hit");
        assert!(check(&again, "watchlist")["ran_by"].as_str().is_some(), "{again}");
        let case = json_of(app.get_with(&format!("/api/v1/cases/{reference}"), &holder).await, 200).await;
        assert_eq!(case["status"], "received", "a hit never decides a case");
        let staff_view = json_of(app.get_with(&format!("/api/v1/cases/{reference}"), &officer).await, 200).await;
        assert_eq!(staff_view["status"], "received");

        // Someone else on the list's birthday, with another name, is clear.
        let (_, other) =
            submitted(&app, "other@example.org", traveler("Marie", "Joseph", "1990-07-04"), "9 Elm St").await;
        let checks = json_of(app.get_with(&checks_path(&other), &officer).await, 200).await;
        assert_eq!(check(&checks, "watchlist")["outcome"], "clear", "{checks}");
        assert_eq!(check(&checks, "watchlist")["reasons"][0]["code"], "watchlist_searched");

        assert_eq!(audited(&app, &admin, "watchlist_replaced").await, 1);
        assert_eq!(audited(&app, &admin, "case_checks_read_by_staff").await, 2, "every staff read");
        assert_eq!(audited(&app, &admin, "case_checks_run").await, 1);
    }

    async fn the_same_person_submitted_by_two_accounts_is_a_duplicate_on_both_cases(app) {
        let officer = staff(&app, "officer@example.org", "officer").await;
        let (_, first) =
            submitted(&app, "first@example.org", traveler("Marie-Ange", "Joseph", "1988-02-10"), "1 Oak St").await;
        let (_, second) =
            submitted(&app, "second@example.org", traveler("JOSEPH", "Marie Ange", "1988-02-10"), "2 Oak St").await;
        // Same name, another birthday: not the same person.
        let (_, third) =
            submitted(&app, "third@example.org", traveler("Marie-Ange", "Joseph", "1988-02-11"), "3 Oak St").await;
        let on_second = json_of(app.get_with(&checks_path(&second), &officer).await, 200).await;
        let duplicate = check(&on_second, "duplicate_person");
        assert_eq!(duplicate["outcome"], "hit", "{on_second}");
        assert_eq!(duplicate["reasons"][0]["code"], "same_person_open_case");
        assert_eq!(duplicate["reasons"][0]["reference_number"], first.as_str());
        let on_first = json_of(app.get_with(&checks_path(&first), &officer).await, 200).await;
        let duplicate = check(&on_first, "duplicate_person");
        assert_eq!(duplicate["outcome"], "hit", "the earlier case learns of the later one: {on_first}");
        assert_eq!(duplicate["reasons"][0]["reference_number"], second.as_str());
        let on_third = json_of(app.get_with(&checks_path(&third), &officer).await, 200).await;
        assert_eq!(check(&on_third, "duplicate_person")["outcome"], "clear", "{on_third}");
        assert_eq!(check(&on_third, "duplicate_person")["reasons"][0]["code"], "no_other_open_case");
    }

    async fn three_unrelated_groups_giving_one_address_are_a_shared_address_hit(app) {
        let officer = staff(&app, "officer@example.org", "officer").await;
        let (_, first) =
            submitted(&app, "a@example.org", traveler("Ana", "Ruiz", "1991-01-01"), "100 Main Street").await;
        let (_, _) = submitted(&app, "b@example.org", traveler("Beto", "Luna", "1992-02-02"), "100 MAIN ST").await;
        let (_, third) =
            submitted(&app, "c@example.org", traveler("Carla", "Sosa", "1993-03-03"), "100 Main St.").await;
        let (_, elsewhere) =
            submitted(&app, "d@example.org", traveler("Dora", "Vega", "1994-04-04"), "102 Main St").await;
        let on_third = json_of(app.get_with(&checks_path(&third), &officer).await, 200).await;
        let shared = check(&on_third, "shared_address");
        assert_eq!(shared["outcome"], "hit", "{on_third}");
        assert_eq!(shared["reasons"][0]["code"], "shared_address");
        assert_eq!(shared["reasons"][0]["groups"], 3);
        assert_eq!(shared["reasons"][0]["threshold"], 3);
        assert!(shared["reasons"][0]["detail"].as_str().is_some_and(|d| d.contains('3')), "{shared}");
        let on_elsewhere = json_of(app.get_with(&checks_path(&elsewhere), &officer).await, 200).await;
        assert_eq!(check(&on_elsewhere, "shared_address")["outcome"], "clear", "{on_elsewhere}");
        // The first group was alone when it submitted; run again, it sees the others.
        let on_first = json_of(app.get_with(&checks_path(&first), &officer).await, 200).await;
        assert_eq!(check(&on_first, "shared_address")["reasons"][0]["groups"], 1, "{on_first}");
        let rerun = json_of(post(&app, &officer, &checks_path(&first), json!({})).await, 200).await;
        assert_eq!(check(&rerun, "shared_address")["outcome"], "hit", "{rerun}");
    }

    async fn only_administrators_upload_and_only_officers_and_supervisors_see_checks(app) {
        let admin = staff(&app, "admin@example.org", "admin").await;
        let officer = staff(&app, "officer@example.org", "officer").await;
        let supervisor = staff(&app, "supervisor@example.org", "supervisor").await;
        let (holder, reference) =
            submitted(&app, "holder@example.org", traveler("Ana", "Ruiz", "1991-01-01"), "1 Oak St").await;
        let list = "full_name,date_of_birth\nAna Ruiz,1991\n";
        assert_problem(upload(&app, &holder, list).await, 403, "forbidden").await;
        assert_problem(upload(&app, &officer, list).await, 403, "forbidden").await;
        assert_problem(upload(&app, &supervisor, list).await, 403, "forbidden").await;
        let json_body = app.client.put(app.url("/api/v1/admin/watchlist")).bearer_auth(&admin).json(&json!({})).send().await.expect("sent");
        assert_problem(json_body, 415, "unsupported_media_type").await;
        assert_problem(app.client.put(app.url("/api/v1/admin/watchlist")).body(list).header("content-type", "text/csv").send().await.expect("sent"), 401, "unauthenticated").await;

        // Staff endpoints answer a traveler 403, even for their own case (as the other staff
        // endpoints do); an administrator does not process cases.
        assert_problem(app.get_with(&checks_path(&reference), &holder).await, 403, "forbidden").await;
        assert_problem(post(&app, &holder, &checks_path(&reference), json!({})).await, 403, "forbidden").await;
        assert_problem(app.get_with(&checks_path(&reference), &admin).await, 403, "forbidden").await;
        assert_problem(app.get_with(&checks_path("PUE0000000001"), &officer).await, 422, "validation_failed").await;
        let unknown = puerta_domain::cases::ReferenceNumber::from_digits(puerta_domain::cases::ReferencePrefix::DEFAULT, [1; 9]);
        assert_problem(app.get_with(&checks_path(unknown.as_str()), &officer).await, 404, "not_found").await;
        let seen = json_of(app.get_with(&checks_path(&reference), &supervisor).await, 200).await;
        assert_eq!(check(&seen, "watchlist")["reasons"][0]["code"], "no_watchlist", "{seen}");
        assert_eq!(audited(&app, &admin, "case_checks_read_by_staff").await, 1, "refused reads are not reads");
    }

    async fn a_bad_csv_names_its_lines_and_changes_nothing(app) {
        let admin = staff(&app, "admin@example.org", "admin").await;
        let officer = staff(&app, "officer@example.org", "officer").await;
        let good = json_of(upload(&app, &admin, "full_name,date_of_birth\nВладимир Петров,1975\n").await, 200).await;
        assert_eq!(good["entries"], 1);

        let bad = "full_name,date_of_birth\nAna Ruiz,1991-01-01\nBeto Luna,04/07/1990\n,1990\nCarla Sosa,1990,extra\n";
        let problem = assert_problem(upload(&app, &admin, bad).await, 422, "validation_failed").await;
        let errors = problem["errors"].as_array().expect("errors");
        assert_eq!(errors.len(), 3, "{problem}");
        for (error, line) in errors.iter().zip(["Line 3", "Line 4", "Line 5"]) {
            assert_eq!(error["field"], "file", "{error}");
            assert!(error["detail"].as_str().is_some_and(|d| d.starts_with(line)), "{line}: {error}");
        }
        assert_eq!(errors[0]["code"], "checks_error_date_of_birth");
        let header = assert_problem(upload(&app, &admin, "name,born\nAna,1990\n").await, 422, "validation_failed").await;
        assert!(header["errors"][0]["detail"].as_str().is_some_and(|d| d.contains("full_name,date_of_birth")), "{header}");
        let not_utf8 = app.client.put(app.url("/api/v1/admin/watchlist")).bearer_auth(&admin)
            .header("content-type", "text/csv").body(b"full_name,date_of_birth\n\xff\xfe,1990\n".to_vec()).send().await.expect("sent");
        assert_problem(not_utf8, 422, "validation_failed").await;

        // The first list still stands: its person is found.
        let (_, reference) =
            submitted(&app, "holder@example.org", traveler("Vladimir", "Petrov", "1975-05-01"), "1 Oak St").await;
        let checks = json_of(app.get_with(&checks_path(&reference), &officer).await, 200).await;
        let watchlist = check(&checks, "watchlist");
        assert_eq!(watchlist["outcome"], "hit", "{checks}");
        assert_eq!(watchlist["reasons"][0]["date_of_birth"], "same_year");
        assert_eq!(audited(&app, &admin, "watchlist_replaced").await, 1, "refused uploads change nothing");
    }
}

/// An administrator's browser: cookies kept, signed in with both steps.
struct AdminBrowser<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
}

impl<'a> AdminBrowser<'a> {
    async fn signed_in(app: &'a TestApp, email: &str) -> Self {
        app.staff(email, "admin", PASSWORD).await;
        let token = app.token(email, PASSWORD).await;
        let (secret, _) = app.enrol_totp(&token).await;
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let browser = Self { app, client };
        let (status, location) =
            browser.form("/sign-in", "/sign-in", &[("email", email), ("password", PASSWORD)]).await;
        assert_eq!((status, location.as_str()), (303, "/sign-in/second-factor"));
        app.clock.advance_secs(30); // the enrolment's code is spent
        let code = app.totp_now(&secret);
        let (status, _) =
            browser.form("/sign-in/second-factor", "/sign-in/second-factor", &[("code", &code)]).await;
        assert_eq!(status, 303);
        browser
    }

    async fn get(&self, path: &str) -> (u16, String) {
        let r = self.client.get(self.app.url(path)).header("accept", "text/html").send().await.expect("sent");
        (r.status().as_u16(), r.text().await.unwrap_or_default())
    }

    async fn token(&self, path: &str) -> String {
        let (_, html) = self.get(path).await;
        html.split("name=\"csrf_token\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("a form")
            .to_string()
    }

    async fn form(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> (u16, String) {
        let token = self.token(page).await;
        let mut form = fields.to_vec();
        form.push(("csrf_token", &token));
        let r = self
            .client
            .post(self.app.url(action))
            .header("origin", &self.app.address)
            .form(&form)
            .send()
            .await
            .expect("sent");
        let location = r.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        (r.status().as_u16(), location)
    }

    /// The watchlist page's form, as a browser sends it (token first, then the file).
    async fn upload(&self, csv: &[u8]) -> (u16, String, String) {
        let token = self.token("/admin/watchlist").await;
        self.upload_with_token(&token, csv).await
    }

    async fn upload_with_token(&self, token: &str, csv: &[u8]) -> (u16, String, String) {
        let boundary = "puerta-watchlist-boundary-7Hq2";
        let mut body = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{token}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.csv\"\r\nContent-Type: text/csv\r\n\r\n").into_bytes();
        body.extend_from_slice(csv);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let r = self
            .client
            .post(self.app.url("/admin/watchlist"))
            .header("accept", "text/html")
            .header("origin", &self.app.address)
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .body(body)
            .send()
            .await
            .expect("sent");
        let location = r.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        (r.status().as_u16(), location, r.text().await.unwrap_or_default())
    }
}

/// `n` distinct rows after the header.
fn long_list(n: usize) -> String {
    let mut csv = String::from("full_name,date_of_birth\n");
    for i in 0..n {
        csv.push_str(&format!("Persona Número {i} de la Lista Larga,1970-01-01\n"));
    }
    csv
}

on_both_backends! {
    async fn the_admin_page_replaces_the_list_from_a_file_and_shows_bad_lines_beside_the_field(app) {
        let browser = AdminBrowser::signed_in(&app, "admin@example.org").await;
        let (status, html) = browser.get("/admin/watchlist").await;
        assert_eq!(status, 200, "{html}");
        assert!(html.contains("href=\"/admin/watchlist\""), "in the admin navigation");
        assert!(html.contains("enctype=\"multipart/form-data\""), "{html}");
        assert!(html.contains("No list has been uploaded yet."), "{html}");

        let (status, _, html) = browser.upload(b"full_name,date_of_birth\nAna Ruiz,1991\nBeto,1990-02-30\n").await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("error-summary") && html.contains("Line 3: write the date of birth"), "{html}");
        assert!(html.contains("aria-invalid=\"true\""), "{html}");

        // Larger than the 1 MB every other form gets.
        let (status, location, body) = browser.upload(long_list(22_000).as_bytes()).await;
        assert_eq!((status, location.as_str()), (303, "/admin/watchlist?notice=checks-notice-replaced"), "{body}");
        let (_, html) = browser.get("/admin/watchlist?notice=checks-notice-replaced").await;
        assert!(html.contains("The watchlist was replaced.") && html.contains("<strong>22000</strong>"), "{html}");

        // A wrong token: refused before the file is read, and the list stays.
        let (status, _, _) = browser.upload_with_token("not-the-token", b"full_name,date_of_birth\nAna Ruiz,1991\n").await;
        assert_eq!(status, 403);
        let (_, html) = browser.get("/admin/watchlist").await;
        assert!(html.contains("<strong>22000</strong>"), "{html}");
    }

    async fn the_api_takes_a_list_larger_than_other_bodies_and_refuses_one_over_5_mb(app) {
        let admin = staff(&app, "admin@example.org", "admin").await;
        let list = long_list(22_000);
        assert!(list.len() > 1024 * 1024, "over the default body cap");
        let uploaded = json_of(upload(&app, &admin, &list).await, 200).await;
        assert_eq!(uploaded["entries"], 22_000, "{uploaded}");
        let too_big = "x".repeat(5 * 1024 * 1024 + 70 * 1024);
        assert_problem(upload(&app, &admin, &too_big).await, 413, "payload_too_large").await;
        let just_over = format!("{}{}", long_list(0), "y".repeat(5 * 1024 * 1024));
        let problem = assert_problem(upload(&app, &admin, &just_over).await, 422, "validation_failed").await;
        assert_eq!(problem["errors"][0]["code"], "checks_error_too_large", "{problem}");
    }
}
