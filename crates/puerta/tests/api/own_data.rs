//! A person's data export holds their own data only: what staff did to the account and when,
//! but not who did it or from where.

use serde_json::json;

use crate::helpers::TestApp;

const PASSWORD: &str = "a long river of stars";
const STAFF_IP: &str = "198.51.100.77";
const STAFF_AGENT: &str = "StaffDesk/9.9 (back office)";
const OWN_IP: &str = "203.0.113.5";
const OWN_AGENT: &str = "TravelerPhone/1.0";

/// Requests reach the app through a proxy on 127.0.0.1, so each side can have its own address.
fn behind_a_proxy(settings: &mut puerta::settings::Settings) {
    settings.trusted_proxies = vec!["127.0.0.1".parse().expect("ip")];
}

#[tokio::test]
async fn the_export_names_no_staff_member_and_shows_no_staff_address_sqlite() {
    the_export_names_no_staff_member_and_shows_no_staff_address(TestApp::sqlite_with(behind_a_proxy).await)
        .await;
}

#[tokio::test]
async fn the_export_names_no_staff_member_and_shows_no_staff_address_postgres() {
    let Some(app) = TestApp::postgres_with(behind_a_proxy).await else { return };
    the_export_names_no_staff_member_and_shows_no_staff_address(app).await;
}

async fn the_export_names_no_staff_member_and_shows_no_staff_address(app: TestApp) {
    app.staff("desk@example.org", "admin", PASSWORD).await;
    let admin = app.token("desk@example.org", PASSWORD).await;
    app.enrol_totp(&admin).await;
    let me: serde_json::Value = app.get_with("/api/v1/me", &admin).await.json().await.expect("json");
    let admin_id = me["id"].as_str().expect("id").to_string();
    app.verified_traveler("own@example.org", PASSWORD).await;
    let users: serde_json::Value =
        app.get_with("/api/v1/admin/users", &admin).await.json().await.expect("json");
    let traveler_id = users["items"]
        .as_array()
        .expect("list")
        .iter()
        .find(|u| u["email"] == "own@example.org")
        .and_then(|u| u["id"].as_str())
        .expect("traveler")
        .to_string();

    // Staff act on the account from their own address and browser: disabled, then enabled.
    for disabled in [true, false] {
        let r = app
            .client
            .patch(app.url(&format!("/api/v1/admin/users/{traveler_id}")))
            .bearer_auth(&admin)
            .header("x-forwarded-for", STAFF_IP)
            .header("user-agent", STAFF_AGENT)
            .json(&json!({"disabled": disabled}))
            .send()
            .await
            .expect("sent");
        assert_eq!(r.status(), 204);
    }

    // The traveler signs in from theirs and downloads their data.
    let signed = app
        .client
        .post(app.url("/api/v1/sessions"))
        .header("x-forwarded-for", OWN_IP)
        .header("user-agent", OWN_AGENT)
        .json(&json!({"email": "own@example.org", "password": PASSWORD}))
        .send()
        .await
        .expect("sent");
    assert_eq!(signed.status(), 201);
    let token =
        signed.json::<serde_json::Value>().await.expect("json")["token"].as_str().expect("token").to_string();
    let export: serde_json::Value = app
        .client
        .get(app.url("/api/v1/me/export"))
        .bearer_auth(&token)
        .header("x-forwarded-for", OWN_IP)
        .header("user-agent", OWN_AGENT)
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");

    let activity = export["activity"].as_array().expect("activity");
    let actions: Vec<&str> = activity.iter().filter_map(|e| e["action"].as_str()).collect();
    for action in ["account_disabled", "account_enabled"] {
        let entry = activity
            .iter()
            .find(|e| e["action"] == action)
            .unwrap_or_else(|| panic!("{action} in {actions:?}"));
        assert!(entry["at"].as_str().is_some(), "when it was done: {entry}");
        assert_eq!(entry["by_you"], false, "{entry}");
        for key in ["actor_id", "ip", "user_agent"] {
            assert!(entry.get(key).is_none(), "{key} in {entry}");
        }
    }
    let text = export.to_string();
    for staff in [STAFF_IP, STAFF_AGENT, admin_id.as_str(), "desk@example.org"] {
        assert!(!text.contains(staff), "{staff} in the export: {text}");
    }
    // The person's own actions may keep their own address and browser.
    let own = activity.iter().find(|e| e["action"] == "sign_in_succeeded").expect("own sign-in");
    assert_eq!(
        (own["by_you"].as_bool(), own["ip"].as_str(), own["user_agent"].as_str()),
        (Some(true), Some(OWN_IP), Some(OWN_AGENT)),
        "{own}"
    );
}
