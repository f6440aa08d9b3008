//! The traveler's messaging and notification pages in a cookie-keeping browser without
//! JavaScript (issue 12): writing to an officer from the page, the text shown exactly as written
//! (escaped, never a link), a document sent with an answer, another traveler's conversation a
//! 404; the inbox with its delivery status and "Mark as read"; the channels per category, where
//! a critical one keeps one; policy notices on the dashboard and Entry Requirements until
//! dismissed.

use serde_json::json;

use crate::backoffice_pages::{Browser, csrf_token};
use crate::case_pages::multipart;
use crate::documents::{pdf, traveler_with_case};
use crate::helpers::{PASSWORD, TestApp, bearer_post, json_of};

/// The account reads English; then signed in through the sign-in page.
async fn signed_in<'a>(app: &'a TestApp, email: &str, token: &str) -> Browser<'a> {
    let r = app
        .client
        .patch(app.url("/api/v1/me"))
        .bearer_auth(token)
        .json(&json!({"language": "en"}))
        .send()
        .await
        .expect("sent");
    assert_eq!(r.status(), 200);
    let browser = Browser::new(app);
    let (status, location, body) =
        browser.submit("/sign-in", "/sign-in", &[("email", email), ("password", PASSWORD)]).await;
    assert_eq!((status, location.as_str()), (303, "/dashboard"), "{body}");
    browser
}

/// A staff account with a second factor, for the API: its token.
async fn staff_token(app: &TestApp, email: &str, role: &str) -> String {
    app.staff(email, role, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    app.enrol_totp(&token).await;
    token
}

/// The text between `start` and the next `end` after it.
fn between<'h>(html: &'h str, start: &str, end: &str) -> Option<&'h str> {
    html.split(start).nth(1)?.split(end).next()
}

/// A reply as the conversation's form sends it: token, message, file (empty when none chosen).
async fn reply(
    browser: &Browser<'_>,
    page: &str,
    body: &str,
    file: Option<(&str, &[u8])>,
) -> (u16, String, String) {
    let (_, html) = browser.get(page).await;
    let token = csrf_token(&html).unwrap_or_default();
    let (name, bytes) = file.map_or((Some(""), &[][..]), |(n, b)| (Some(n), b));
    let (content_type, form) = multipart(&[
        ("csrf_token", None, token.as_bytes()),
        ("body", None, body.as_bytes()),
        ("file", name, bytes),
    ]);
    browser.post_multipart(&format!("{page}/reply"), content_type, form).await
}

on_both_backends! {
    async fn a_traveler_writes_to_an_officer_from_the_page_and_reads_the_answer(app) {
        let (token, case) = traveler_with_case(&app, "writer@example.org").await;
        let browser = signed_in(&app, "writer@example.org", &token).await;
        let (status, html) = browser.get("/messages").await;
        assert_eq!(status, 200);
        assert!(html.contains("never ask you for money or for your password"), "{html}");
        assert!(html.contains(&format!("<option value=\"{case}\">")), "their case is offered: {html}");
        assert!(html.contains("You have not written to an officer yet."), "{html}");

        // Nothing written: both refused beside their field, nothing sent.
        let (status, _, html) = browser.submit("/messages", "/messages", &[("subject", " "), ("body", "")]).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("href=\"#subject\"") && html.contains("href=\"#body\""), "{html}");
        assert!(html.contains("Write a subject.") && html.contains("Write your message."), "{html}");
        assert_eq!(json_of(app.get_with("/api/v1/threads", &token).await, 200).await, json!([]));

        // Sent: HTML and links in it stay text.
        let body = "<script>alert('x')</script>\nSee https://evil.example/pay";
        let (status, location, html) = browser
            .submit("/messages", "/messages", &[("subject", "Papers <b>now</b>"), ("case_reference", &case), ("body", body)])
            .await;
        assert_eq!(status, 303, "{html}");
        let page = location.strip_suffix("?notice=msgpage-notice-sent").expect("the notice").to_string();
        assert!(page.starts_with("/messages/"), "{location}");
        let (status, html) = browser.get(&location).await;
        assert_eq!(status, 200);
        assert!(html.contains("Your message was sent."), "{html}");
        assert!(!html.contains("<script>alert") && !html.contains("<b>now"), "{html}");
        assert!(
            html.contains("<p class=\"message-body\">&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;\nSee https://evil.example/pay</p>"),
            "escaped, its line break kept, no link: {html}"
        );
        assert!(!html.contains("href=\"https://evil.example"), "{html}");
        assert!(html.contains("Papers &#60;b&#62;now&#60;/b&#62;") && html.contains(">You<"), "{html}");
        let (_, list) = browser.get("/messages").await;
        assert!(list.contains("Papers &#60;b&#62;now&#60;/b&#62;") && list.contains("Waiting for an answer"), "{list}");

        // An answer with a document, through the multipart form; an empty one refused.
        let (status, _, html) = reply(&browser, &page, "  ", None).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("href=\"#body\"") && html.contains("Write your message."), "{html}");
        let (status, location, html) = reply(&browser, &page, "Here is the letter.", Some(("letter.pdf", &pdf()))).await;
        assert_eq!((status, location.as_str()), (303, format!("{page}?notice=msgpage-notice-replied").as_str()), "{html}");
        let (_, html) = browser.get(&page).await;
        assert!(html.contains("Here is the letter.") && html.contains(">letter.pdf</a>"), "{html}");
        let href = between(&html, "<a href=\"/documents/", "\"").expect("a download link");
        let r = browser.get(&format!("/documents/{href}")).await;
        assert_eq!(r.0, 200, "the traveler downloads what they sent");
        // A file that is no document is refused beside the file field; the message is kept.
        let (status, _, html) = reply(&browser, &page, "And this.", Some(("notes.txt", b"just text"))).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("href=\"#file\"") && html.contains(">And this.</textarea>"), "{html}");

        // An officer answers; the list says so until the conversation is opened.
        let officer = staff_token(&app, "officer@example.org", "officer").await;
        let id = page.trim_start_matches("/messages/").to_string();
        json_of(bearer_post(&app, &officer, &format!("/api/v1/threads/{id}/messages"), json!({"body": "We received it.\nThank you."})).await, 201).await;
        let (_, list) = browser.get("/messages").await;
        assert!(list.contains("New answer") && list.contains("data-count=\"1\""), "{list}");
        let (_, html) = browser.get(&page).await;
        assert!(html.contains("We received it.\nThank you.") && html.contains(">Officer<"), "{html}");
        let (_, list) = browser.get("/messages").await;
        assert!(list.contains("Answered") && list.contains("data-count=\"0\""), "{list}");

        // Another traveler: the 404 page, reading or answering.
        let (other, _) = traveler_with_case(&app, "other@example.org").await;
        let stranger = signed_in(&app, "other@example.org", &other).await;
        assert_eq!(stranger.get(&page).await.0, 404);
        let (_, mine) = stranger.get("/messages").await;
        assert!(!mine.contains("Papers"), "{mine}");
        let token = csrf_token(&mine).unwrap_or_default();
        let (content_type, form) = multipart(&[("csrf_token", None, token.as_bytes()), ("body", None, b"Let me in")]);
        let (status, _, _) = stranger.post_multipart(&format!("{page}/reply"), content_type, form).await;
        assert_eq!(status, 404);
        let thread = json_of(app.get_with(&format!("/api/v1/threads/{id}"), &officer).await, 200).await;
        assert_eq!(thread["messages"].as_array().map(Vec::len), Some(3), "{thread}");
    }

    async fn the_inbox_lists_a_notification_with_its_delivery_and_marks_it_read(app) {
        let (token, case) = traveler_with_case(&app, "reader@example.org").await;
        let browser = signed_in(&app, "reader@example.org", &token).await;
        let thread = json_of(bearer_post(&app, &token, "/api/v1/threads", json!({"subject": "My case", "body": "Hello", "case_reference": case})).await, 201).await;
        let officer = staff_token(&app, "officer@example.org", "officer").await;
        let path = format!("/api/v1/threads/{}/messages", thread["id"].as_str().expect("id"));
        json_of(bearer_post(&app, &officer, &path, json!({"body": "We are looking at it."})).await, 201).await;
        app.flush_outbox().await;

        let (status, html) = browser.get("/notifications").await;
        assert_eq!(status, 200);
        assert!(html.contains("New message from an officer") && html.contains("About: My case."), "{html}");
        let note = json_of(app.get_with("/api/v1/notifications", &token).await, 200).await
            .as_array().expect("list").iter().find(|n| n["kind"] == "new_message").cloned().expect("the notification");
        let id = note["id"].as_str().expect("id").to_string();
        let item = between(&html, &format!("data-id=\"{id}\""), "</li>").expect("listed").to_string();
        assert!(item.contains("Unread") && item.contains("Mark as read"), "{item}");
        assert!(item.contains("Sent by email."), "its delivery in words: {item}");
        assert!(item.contains(&format!("action=\"/notifications/{id}/read\"")), "{item}");
        assert!(html.contains("data-unread=\"notifications\""), "{html}");
        let (_, dashboard) = browser.get("/dashboard").await;
        assert!(dashboard.contains("data-unread=\"notifications\"") && dashboard.contains("data-unread=\"messages\" data-count=\"1\""), "{dashboard}");
        assert!(dashboard.contains("href=\"/messages\"") && dashboard.contains("href=\"/notifications\""), "{dashboard}");

        // Someone else cannot mark it read.
        let (other, _) = traveler_with_case(&app, "other@example.org").await;
        let stranger = signed_in(&app, "other@example.org", &other).await;
        let (status, _, _) = stranger.submit("/notifications", &format!("/notifications/{id}/read"), &[]).await;
        assert_eq!(status, 404);

        let (status, location, _) = browser.submit("/notifications", &format!("/notifications/{id}/read"), &[]).await;
        assert_eq!((status, location.as_str()), (303, "/notifications?notice=notifpage-notice-read"));
        let (_, html) = browser.get(&location).await;
        assert!(html.contains("The notification is marked as read."), "{html}");
        let item = between(&html, &format!("data-id=\"{id}\""), "</li>").expect("still listed").to_string();
        assert!(!item.contains("Unread") && !item.contains("Mark as read"), "{item}");
        let unread = json_of(app.get_with("/api/v1/notifications?unread=true", &token).await, 200).await;
        assert!(!unread.as_array().expect("list").iter().any(|n| n["id"] == id.as_str()), "{unread}");
        // Without the form's token: refused.
        let (status, _, _) = browser.post(&format!("/notifications/{id}/read"), "", &[]).await;
        assert_eq!(status, 403);
    }

    async fn a_critical_category_cannot_lose_both_channels(app) {
        app.verified_traveler("prefs@example.org", PASSWORD).await;
        let token = app.token("prefs@example.org", PASSWORD).await;
        let browser = signed_in(&app, "prefs@example.org", &token).await;
        let (status, html) = browser.get("/account/notifications").await;
        assert_eq!(status, 200);
        assert!(html.contains("Appointment offers") && html.contains("keep email, text message or both"), "{html}");
        assert!(html.contains("id=\"offers-email\" name=\"email\" value=\"offers\" checked"), "{html}");

        // Offers with neither: refused beside offers, nothing saved (messages neither).
        let off = [("category", "offers"), ("category", "messages"), ("sms", "messages")];
        let (status, _, html) = browser.submit("/account/notifications", "/account/notifications", &off).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("href=\"#offers-email\""), "{html}");
        let offers = between(&html, "<fieldset id=\"offers\"", "</fieldset>").expect("offers").to_string();
        assert!(offers.contains("too important to turn off") && offers.contains("field-error"), "{offers}");
        assert!(!offers.contains("checked"), "what was sent is shown: {offers}");
        let prefs = json_of(app.get_with("/api/v1/me/notification-preferences", &token).await, 200).await;
        let find = |prefs: &serde_json::Value, c: &str| prefs["preferences"].as_array().expect("list").iter().find(|p| p["category"] == c).cloned().expect(c);
        assert_eq!((find(&prefs, "offers")["email"].as_bool(), find(&prefs, "offers")["sms"].as_bool()), (Some(true), Some(true)));
        assert_eq!(find(&prefs, "messages")["sms"], false);

        // Text message only for offers: saved, and messages with it.
        let sms_only = [("category", "offers"), ("sms", "offers"), ("category", "messages"), ("sms", "messages")];
        let (status, location, _) = browser.submit("/account/notifications", "/account/notifications", &sms_only).await;
        assert_eq!((status, location.as_str()), (303, "/account/notifications?notice=notifpage-notice-preferences-saved"));
        let prefs = json_of(app.get_with("/api/v1/me/notification-preferences", &token).await, 200).await;
        assert_eq!((find(&prefs, "offers")["email"].as_bool(), find(&prefs, "offers")["sms"].as_bool()), (Some(false), Some(true)));
        assert_eq!((find(&prefs, "messages")["email"].as_bool(), find(&prefs, "messages")["sms"].as_bool()), (Some(false), Some(true)));
        let (_, html) = browser.get(&location).await;
        assert!(html.contains("Your choices are saved.") && html.contains("id=\"offers-sms\" name=\"sms\" value=\"offers\" checked"), "{html}");
    }

    async fn a_policy_notice_stands_on_the_dashboard_and_entry_requirements_until_dismissed(app) {
        let (token, _) = traveler_with_case(&app, "notice@example.org").await;
        let browser = signed_in(&app, "notice@example.org", &token).await;
        let admin = staff_token(&app, "root@example.org", "admin").await;
        let words = |en: &str| json!({"en": en, "es": "es", "ht": "ht"});
        let notice = json!({"title": words("Ports closed <Friday>"), "body": words("Line one.\nLine two."), "audience": {"kind": "all"}});
        json_of(bearer_post(&app, &admin, "/api/v1/admin/notices", notice).await, 201).await;

        let (_, dashboard) = browser.get("/dashboard").await;
        assert!(dashboard.contains("Ports closed &#60;Friday&#62;") && dashboard.contains("Line one.\nLine two."), "{dashboard}");
        let (_, entry) = browser.get("/entry-requirements").await;
        assert!(entry.contains("Ports closed &#60;Friday&#62;") && entry.contains(">Dismiss<"), "{entry}");
        // A visitor's page is the same for everyone.
        let (_, visitor) = Browser::new(&app).get("/entry-requirements").await;
        assert!(!visitor.contains("Ports closed"), "{visitor}");

        let action = between(&entry, "<form method=\"post\" action=\"/notifications/", "\"").expect("a Dismiss form").to_string();
        let (status, location, _) = browser
            .submit("/entry-requirements", &format!("/notifications/{action}"), &[("next", "/entry-requirements")])
            .await;
        assert_eq!((status, location.as_str()), (303, "/entry-requirements?notice=notifpage-notice-dismissed"));
        let (_, dashboard) = browser.get("/dashboard").await;
        assert!(!dashboard.contains("Ports closed"), "{dashboard}");
        let (_, inbox) = browser.get("/notifications").await;
        assert!(inbox.contains("Ports closed &#60;Friday&#62;"), "still in the inbox: {inbox}");
        // A way back elsewhere is the inbox.
        let (status, location, _) = browser
            .submit("/notifications", &format!("/notifications/{action}"), &[("next", "https://evil.example/")])
            .await;
        assert_eq!((status, location.as_str()), (303, "/notifications?notice=notifpage-notice-dismissed"));
    }
}
