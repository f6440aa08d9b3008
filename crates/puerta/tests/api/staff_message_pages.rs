//! The staff message pages and the administrators' notice form in a cookie-keeping browser
//! without JavaScript: an officer finds a traveler's conversation in the shared inbox, takes it,
//! starts from a ready answer and replies (shown escaped, never as markup); a supervisor gives a
//! conversation to an officer; travelers and partners are kept out; an administrator publishes a
//! policy notice (now, or later in their own time zone) that a traveler then finds among their
//! notifications, and a notice without Haitian Creole shows the message beside that field.

use serde_json::json;

use crate::backoffice_pages::{Browser, staff};
use crate::helpers::{PASSWORD, TestApp, json_of};

/// A verified traveler (their account reads Spanish) with one submitted case: (token, reference).
async fn traveler_with_case(app: &TestApp, email: &str) -> (String, String) {
    app.verified_traveler(email, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    let person = json!({
        "given_name": "Rose", "family_name": "Joseph", "date_of_birth": "1990-07-04",
        "nationality": "HT", "country_of_birth": "HT", "city_of_birth": "Cap-Haïtien",
        "country_of_residence": "MX", "language": "ht", "phone": "+52 55 1234 5678"
    });
    let r = app.client.post(app.url("/api/v1/travelers")).bearer_auth(&token).json(&person);
    let id = json_of(r.send().await.expect("sent"), 201).await["id"].as_str().expect("id").to_string();
    let destination =
        json!({"line1": "100 Main St", "city": "Brownsville", "state": "TX", "postal_code": "78520"});
    let body = json!({"traveler_ids": [id], "us_destination": destination, "port": "SYS"});
    let r = app.client.post(app.url("/api/v1/applications")).bearer_auth(&token).json(&body);
    let receipt = json_of(r.send().await.expect("sent"), 201).await;
    let reference = receipt["cases"][0]["reference_number"].as_str().expect("reference").to_string();
    (token, reference)
}

/// The traveler writes to the officers about their case: the thread's id.
async fn thread(app: &TestApp, token: &str, reference: &str, subject: &str, body: &str) -> String {
    let message = json!({"subject": subject, "body": body, "case_reference": reference});
    let r = app.client.post(app.url("/api/v1/threads")).bearer_auth(token).json(&message);
    json_of(r.send().await.expect("sent"), 201).await["id"].as_str().expect("id").to_string()
}

/// A traveler signed in through the pages.
async fn traveler_browser<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let browser = Browser::new(app);
    let (status, location, body) =
        browser.submit("/sign-in", "/sign-in", &[("email", email), ("password", PASSWORD)]).await;
    assert_eq!((status, location.as_str()), (303, "/dashboard"), "{body}");
    browser
}

/// A partner with a second factor, signed in through the pages.
async fn partner_browser<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    app.staff(email, "partner", PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    let (secret, _) = app.enrol_totp(&token).await;
    app.clock.advance_secs(30);
    let browser = Browser::new(app);
    browser.submit("/sign-in", "/sign-in", &[("email", email), ("password", PASSWORD)]).await;
    let code = app.totp_now(&secret);
    let (_, location, _) =
        browser.submit("/sign-in/second-factor", "/sign-in/second-factor", &[("code", &code)]).await;
    assert_eq!(location, "/partner");
    browser
}

fn page(id: &str) -> String {
    format!("/staff/messages/{id}")
}

fn step(id: &str, name: &str) -> String {
    format!("/staff/messages/{id}/{name}")
}

/// The notice form's fields, each language's title and text given unless left out.
fn notice_fields<'a>(
    title: &'a str,
    leave_out: &[&str],
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut fields = Vec::new();
    for (lang, body) in [
        ("en", "Offices are closed on Monday."),
        ("es", "Las oficinas cierran el lunes."),
        ("ht", "Biwo yo fèmen lendi."),
    ] {
        if !leave_out.contains(&lang) {
            let (title_name, body_name) = match lang {
                "en" => ("title_en", "body_en"),
                "es" => ("title_es", "body_es"),
                _ => ("title_ht", "body_ht"),
            };
            fields.push((title_name, title));
            fields.push((body_name, body));
        }
    }
    fields.extend_from_slice(extra);
    fields
}

/// The titles of the traveler's notifications.
async fn notification_titles(app: &TestApp, token: &str) -> Vec<String> {
    let list = json_of(app.get_with("/api/v1/notifications", token).await, 200).await;
    list.as_array()
        .expect("list")
        .iter()
        .filter(|n| n["kind"] == "policy_notice")
        .map(|n| n["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

on_both_backends! {
    async fn an_officer_takes_a_conversation_and_answers_from_a_ready_answer(app) {
        let (token, reference) = traveler_with_case(&app, "rose@example.org").await;
        let id = thread(&app, &token, &reference, "Question about my papers",
            "<b>Hello</b>, see https://example.org/form\nSecond line").await;
        let (officer, _) = staff(&app, "officer@example.org", "officer").await;

        // The staff home links the inbox with what waits.
        let (_, html) = officer.get("/staff").await;
        assert!(html.contains("href=\"/staff/messages\""), "{html}");
        assert!(html.contains("Messages from travelers (1 waiting)"), "{html}");

        // Unassigned (the first tab) lists it, waiting, with its case linked.
        let (status, html) = officer.get("/staff/messages").await;
        assert_eq!(status, 200, "{html}");
        assert!(html.contains("Question about my papers") && html.contains(&format!("href=\"{}\"", page(&id))), "{html}");
        assert!(html.contains("<strong class=\"tag\">Waiting</strong>"), "{html}");
        let compact: String = reference.chars().filter(char::is_ascii_alphanumeric).collect();
        assert!(html.contains(&format!("href=\"/staff/cases/{compact}\"")), "the case is linked: {html}");
        let mine = json_of(app.get_with("/api/v1/threads", &token).await, 200).await;
        let grouped = mine[0]["case_reference"].as_str().expect("grouped reference").to_string();
        assert!(html.contains(&grouped), "the reference as people read it: {html}");
        assert!(html.contains("aria-current=\"page\""), "the current tab is marked: {html}");
        let (_, mine) = officer.get("/staff/messages?filter=mine").await;
        assert!(!mine.contains("Question about my papers"), "nobody holds it yet: {mine}");
        assert_eq!(officer.get("/staff/messages?filter=everything").await.0, 422);

        // The conversation: escaped plain text, links never clickable, the case at hand.
        let (status, html) = officer.get(&page(&id)).await;
        assert_eq!(status, 200, "{html}");
        assert!(html.contains("&#60;b&#62;Hello&#60;/b&#62;, see https://example.org/form\nSecond line</p>"), "{html}");
        assert!(!html.contains("<b>Hello</b>") && !html.contains("href=\"https://example.org"), "{html}");
        assert!(html.contains(&format!("href=\"/staff/cases/{compact}\"")), "{html}");
        assert!(html.contains("Held by: Nobody") && html.contains("Take this conversation"), "{html}");
        assert!(!html.contains("/assign\""), "officers do not give conversations: {html}");
        // Ready answers: labels in the officer's language, the text in the traveler's (Spanish).
        assert!(html.contains("We received your message"), "{html}");
        assert!(html.contains("Spanish (Español), the traveler"), "{html}");
        assert!(html.contains(&format!("href=\"{}?template=received#reply-body\"", page(&id))), "{html}");
        let (_, read) = officer.get("/staff/messages").await;
        assert!(!read.contains("<strong class=\"tag\">Waiting</strong>"), "read by an officer, it no longer waits: {read}");

        // Without JavaScript, a ready answer's link fills the answer box.
        let (status, html) = officer.get(&format!("{}?template=received", page(&id))).await;
        assert_eq!(status, 200);
        let spanish = "Gracias por escribirnos. Recibimos su mensaje y un oficial le va a responder lo antes posible.";
        assert!(html.contains(&format!("aria-describedby=\"reply-body-hint\">{spanish}</textarea>")), "{html}");
        let (_, html) = officer.get(&format!("{}?template=no-such-answer", page(&id))).await;
        assert!(html.contains("aria-describedby=\"reply-body-hint\"></textarea>"), "{html}");

        // The officer takes it: it moves to "Held by me".
        let (status, location, _) = officer.submit(&page(&id), &step(&id, "take"), &[]).await;
        assert_eq!((status, location.as_str()), (303, format!("{}?notice=staffmsg-notice-taken", page(&id)).as_str()));
        let (_, html) = officer.get(&location).await;
        assert!(html.contains("You now hold this conversation.") && html.contains("Held by: You"), "{html}");
        assert!(html.contains("Let it go"), "{html}");
        let (_, mine) = officer.get("/staff/messages?filter=mine").await;
        assert!(mine.contains("Question about my papers"), "{mine}");
        let (_, unassigned) = officer.get("/staff/messages?filter=unassigned").await;
        assert!(!unassigned.contains("Question about my papers"), "{unassigned}");

        // An empty answer: the message beside the field, nothing sent.
        let (status, _, html) = officer.submit(&page(&id), &step(&id, "reply"), &[("body", "   ")]).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("id=\"reply-body-error\">Write your message.</p>"), "{html}");
        assert!(html.contains("href=\"#reply-body\""), "the summary links the field: {html}");

        // The answer is sent, and shown escaped.
        let answer = "<script>alert(1)</script> Your papers are fine.";
        let (status, location, _) = officer.submit(&page(&id), &step(&id, "reply"), &[("body", answer)]).await;
        assert_eq!((status, location.as_str()), (303, format!("{}?notice=staffmsg-notice-sent", page(&id)).as_str()));
        let (_, html) = officer.get(&location).await;
        assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62; Your papers are fine."), "{html}");
        assert!(!html.contains("<script>alert(1)"), "{html}");
        let seen = json_of(app.get_with(&format!("/api/v1/threads/{id}"), &token).await, 200).await;
        assert_eq!(seen["messages"][1]["body"], answer, "the traveler gets it: {seen}");
        let (_, mine) = officer.get("/staff/messages?filter=mine").await;
        assert!(mine.contains("Question about my papers") && mine.contains("Answered"), "{mine}");

        // Letting it go puts it back among the unassigned.
        let (status, location, _) = officer.submit(&page(&id), &step(&id, "release"), &[]).await;
        assert_eq!((status, location.as_str()), (303, format!("{}?notice=staffmsg-notice-released", page(&id)).as_str()));
        let (_, unassigned) = officer.get("/staff/messages?filter=unassigned").await;
        assert!(unassigned.contains("Question about my papers"), "{unassigned}");
    }

    async fn a_supervisor_gives_a_conversation_and_others_are_kept_out(app) {
        let (token, reference) = traveler_with_case(&app, "rose@example.org").await;
        let id = thread(&app, &token, &reference, "Where is my appointment", "Hello").await;
        let (_, officer_token) = staff(&app, "officer@example.org", "officer").await;
        let officer_id =
            json_of(app.get_with("/api/v1/me", &officer_token).await, 200).await["id"].as_str().expect("id").to_string();
        let (supervisor, _) = staff(&app, "chief@example.org", "supervisor").await;

        let (_, html) = supervisor.get(&page(&id)).await;
        assert!(html.contains(&format!("<option value=\"{officer_id}\"")), "the officers to give it to: {html}");
        let (status, location, _) =
            supervisor.submit(&page(&id), &step(&id, "assign"), &[("officer_id", &officer_id)]).await;
        assert_eq!((status, location.as_str()), (303, format!("{}?notice=staffmsg-notice-assigned", page(&id)).as_str()));
        let (_, html) = supervisor.get("/staff/messages?filter=all").await;
        assert!(html.contains("Where is my appointment") && html.contains("Staff Member"), "held by name: {html}");
        // Nobody unknown can be given a conversation: the message beside the list.
        let (status, _, html) =
            supervisor.submit(&page(&id), &step(&id, "assign"), &[("officer_id", "nobody")]).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("id=\"assign-officer-error\">Choose an active officer.</p>"), "{html}");

        // A traveler and a partner are refused, whatever the page.
        let traveler = traveler_browser(&app, "rose@example.org").await;
        assert_eq!(traveler.get("/staff/messages").await.0, 403);
        // Even their own conversation: the officers' view and steps are not theirs.
        assert_eq!(traveler.get(&page(&id)).await.0, 403);
        for name in ["take", "release", "reply"] {
            let (status, _, _) = traveler.submit("/account", &step(&id, name), &[("body", "Hi")]).await;
            assert_eq!(status, 403, "{name}");
        }
        let partner = partner_browser(&app, "shelter@example.org").await;
        assert_eq!(partner.get("/staff/messages").await.0, 403);
        let (status, _) = partner.get(&page(&id)).await;
        assert!(status == 403 || status == 404, "{status}");
        let (status, _, _) = partner.submit("/partner", &step(&id, "reply"), &[("body", "Hi")]).await;
        assert!(status == 403 || status == 404, "{status}");
        assert_eq!(traveler.get("/admin/notices").await.0, 403);
        // Signed out, the sign-in page.
        assert_eq!(Browser::new(&app).get("/staff/messages").await.0, 303);
    }

    async fn an_admin_publishes_a_notice_that_a_traveler_then_reads(app) {
        let (token, _) = traveler_with_case(&app, "rose@example.org").await;
        let (admin, admin_token) = staff(&app, "root@example.org", "admin").await;
        let (_, html) = admin.get("/staff").await;
        assert!(html.contains("href=\"/admin/notices\""), "the admin navigation links it: {html}");
        let (status, html) = admin.get("/admin/notices").await;
        assert_eq!(status, 200, "{html}");
        assert!(html.contains("Haitian Creole (Kreyòl ayisyen) (required)") && html.contains("French (Français) (optional)"), "{html}");
        assert!(html.contains("type=\"datetime-local\""), "{html}");

        // Haitian Creole missing: the message beside that field, what was typed kept.
        let fields = notice_fields("Closed on Monday", &["ht"], &[("audience", "all")]);
        let (status, _, html) = admin.submit("/admin/notices", "/admin/notices", &fields).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("id=\"title-ht-error\">Enter the title in Haitian Creole (Kreyòl ayisyen).</p>"), "{html}");
        assert!(html.contains("id=\"body-ht-error\">Enter the text in Haitian Creole (Kreyòl ayisyen).</p>"), "{html}");
        assert!(html.contains("href=\"#title-ht\""), "the summary links the field: {html}");
        assert!(html.contains("value=\"Closed on Monday\""), "{html}");
        assert!(!html.contains("id=\"title-es-error\""), "{html}");
        // No audience chosen and no port: each beside its field, nothing published.
        let fields = notice_fields("Closed on Monday", &[], &[]);
        let (status, _, html) = admin.submit("/admin/notices", "/admin/notices", &fields).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("id=\"audience-error\""), "{html}");
        let fields = notice_fields("Closed on Monday", &[], &[("audience", "port"), ("port_code", "")]);
        let (status, _, html) = admin.submit("/admin/notices", "/admin/notices", &fields).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("id=\"port_code-error\""), "{html}");
        let fields = notice_fields("Closed on Monday", &[], &[("audience", "all"), ("publish_at", "tomorrow")]);
        let (status, _, html) = admin.submit("/admin/notices", "/admin/notices", &fields).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("id=\"publish_at-error\""), "{html}");
        assert!(notification_titles(&app, &token).await.is_empty(), "nothing was published");

        // Published now: the traveler finds it among their notifications.
        let fields = notice_fields("Closed on Monday", &[], &[("audience", "all")]);
        let (status, location, _) = admin.submit("/admin/notices", "/admin/notices", &fields).await;
        assert_eq!((status, location.as_str()), (303, "/admin/notices?notice=adminnotice-notice-published"));
        let (_, html) = admin.get(&location).await;
        assert!(html.contains("The notice is published."), "{html}");
        let titles = notification_titles(&app, &token).await;
        assert_eq!(titles, vec!["Closed on Monday".to_string()], "the traveler reads it");

        // Later: the time is read in the administrator's zone (Cancún keeps UTC−5 all year).
        let zone = json!({"time_zone": "America/Cancun"});
        let r = app.client.patch(app.url("/api/v1/me")).bearer_auth(&admin_token).json(&zone).send().await.expect("sent");
        assert_eq!(r.status(), 200);
        let cancun = chrono::FixedOffset::west_opt(5 * 3600).expect("offset");
        let at = chrono::DateTime::from_timestamp_millis(app.clock_ms() + 2 * 3_600_000).expect("time").with_timezone(&cancun);
        let local = at.format("%Y-%m-%dT%H:%M").to_string();
        let fields = notice_fields("New hours", &[], &[("audience", "all"), ("publish_at", &local)]);
        let (status, location, _) = admin.submit("/admin/notices", "/admin/notices", &fields).await;
        assert_eq!((status, location.as_str()), (303, "/admin/notices?notice=adminnotice-notice-scheduled"));
        assert!(!notification_titles(&app, &token).await.contains(&"New hours".to_string()), "not yet");
        app.clock.advance_secs(3600);
        assert!(!notification_titles(&app, &token).await.contains(&"New hours".to_string()), "not in an hour");
        app.clock.advance_secs(3600 + 60);
        assert!(notification_titles(&app, &token).await.contains(&"New hours".to_string()), "in two hours");

        // Only administrators publish.
        let (officer, _) = staff(&app, "officer@example.org", "officer").await;
        assert_eq!(officer.get("/admin/notices").await.0, 403);
        let fields = notice_fields("Sneaky", &[], &[("audience", "all")]);
        let (status, _, _) = officer.submit("/staff", "/admin/notices", &fields).await;
        assert_eq!(status, 403);
    }
}
