//! Puerta's own emails cannot carry a stranger's words: nothing a registrant typed goes to an
//! address nobody has proven, a second registration of an unproven address cannot rename the
//! account or change its language, and names that reorder or break text are refused. Also:
//! passwords are judged by estimate, and addresses the mailer cannot deliver are refused.

use serde_json::json;

use crate::helpers::assert_problem;

const PASSWORD: &str = "a long river of stars";
const LURE: &str = "Your appointment is cancelled, call +1 555 0100";

on_both_backends! {
    async fn the_verification_email_holds_no_text_the_registrant_chose(app) {
        let r = app.post_json("/api/v1/accounts", json!({"email": "stranger@example.org", "password": PASSWORD, "full_name": LURE, "language": "en"})).await;
        assert_eq!(r.status(), 202);
        let mail = app.last_email_to("stranger@example.org").await.expect("verification email");
        assert!(mail.contains("Hello,"), "greets without a name: {mail}");
        for part in [LURE, "appointment", "cancelled", "555 0100"] {
            assert!(!mail.contains(part), "{part:?} in {mail}");
        }
        // The reset email too: the address was never proven.
        assert_eq!(app.post_json("/api/v1/password-resets", json!({"email": "stranger@example.org"})).await.status(), 202);
        let reset = app.last_email_to("stranger@example.org").await.expect("reset email");
        assert!(reset.contains("reset-password?token="), "the reset email: {reset}");
        assert!(!reset.contains("appointment") && !reset.contains("555 0100"), "{reset}");
    }

    async fn registering_an_unverified_address_again_keeps_its_name_and_language(app) {
        assert_eq!(app.register("twice@example.org", "the first persons passphrase").await.status(), 202);
        let again = app.post_json("/api/v1/accounts", json!({"email": "twice@example.org", "password": PASSWORD, "full_name": LURE, "language": "fr"})).await;
        assert_eq!(again.status(), 202);
        let mail = app.last_email_to("twice@example.org").await.expect("second verification email");
        assert!(mail.contains("Hola:"), "still in the first registration's language (es): {mail}");
        assert!(!mail.contains("appointment") && !mail.contains("Bonjour"), "{mail}");
        let code = app.last_code_for("twice@example.org").await;
        let verified = app.post_json("/api/v1/accounts/verify", json!({"email": "twice@example.org", "code": code})).await;
        assert_eq!(verified.status(), 200);
        // The newest registration wins the password, nothing else.
        let token = app.token("twice@example.org", PASSWORD).await;
        let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
        assert_eq!((me["full_name"].as_str(), me["language"].as_str()), (Some("Ana Pérez"), Some("es")), "{me}");
        let first = app.post_json("/api/v1/sessions", json!({"email": "twice@example.org", "password": "the first persons passphrase"})).await;
        assert_problem(first, 401, "invalid_credentials").await;
    }

    async fn names_that_reorder_or_break_text_are_refused_beside_the_field(app) {
        for (name, code) in [
            ("Ana \u{202E}0010 555 1+ llac", "full_name_bidi"),
            ("Ana \u{2066}Pérez\u{2069}", "full_name_bidi"),
            ("Ana\u{2028}Your appointment is cancelled", "full_name_separator"),
            ("Ana\nYour appointment is cancelled", "full_name_control"),
            ("\u{200B}\u{200D}\u{FEFF}", "full_name_required"),
        ] {
            let r = app.post_json("/api/v1/accounts", json!({"email": "bidi@example.org", "password": PASSWORD, "full_name": name, "language": "en"})).await;
            let body = assert_problem(r, 422, "validation_failed").await;
            let errors = body["errors"].as_array().expect("errors");
            assert_eq!(errors.len(), 1, "{name:?}: {body}");
            assert_eq!((errors[0]["field"].as_str(), errors[0]["code"].as_str()), (Some("full_name"), Some(code)), "{name:?}");
            assert!(errors[0]["detail"].as_str().is_some_and(|d| !d.is_empty()));
        }
        assert_eq!(app.emails_to("bidi@example.org").await, 0, "nothing stored, nothing sent");
        // Decomposed accents are stored composed (NFC).
        app.post_json("/api/v1/accounts", json!({"email": "nfc@example.org", "password": PASSWORD, "full_name": "Jose\u{301} Pe\u{301}rez", "language": "es"})).await;
        let code = app.last_code_for("nfc@example.org").await;
        app.post_json("/api/v1/accounts/verify", json!({"email": "nfc@example.org", "code": code})).await;
        let token = app.token("nfc@example.org", PASSWORD).await;
        let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
        assert_eq!(me["full_name"], "José Pérez");
    }

    async fn easy_passwords_and_the_own_address_are_refused_by_estimate(app) {
        for password in ["aaaaaaaaaaaa", "123456789012", "passwordpassword", "qwertyuiopasdf", "puertapuerta", "            ", "weakling.guess@example.org"] {
            let r = app.post_json("/api/v1/accounts", json!({"email": "weakling.guess@example.org", "password": password, "full_name": "Ana Pérez", "language": "en"})).await;
            let body = assert_problem(r, 422, "validation_failed").await;
            let error = &body["errors"][0];
            assert_eq!(error["field"], "password", "{password:?}: {body}");
            assert!(matches!(error["code"].as_str(), Some("password_weak" | "password_common")), "{password:?}: {body}");
            assert!(error["detail"].as_str().is_some_and(|d| d.contains("three or four")), "{body}");
        }
        let zero_width = "\u{200B}".repeat(12);
        let r = app.post_json("/api/v1/accounts", json!({"email": "weakling.guess@example.org", "password": zero_width, "full_name": "Ana Pérez", "language": "en"})).await;
        let body = assert_problem(r, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["code"], "password_too_short");
        assert_eq!(app.emails_to("weakling.guess@example.org").await, 0);
        assert_eq!(app.register("weakling.guess@example.org", "correct horse battery staple river").await.status(), 202);
    }

    async fn a_reset_password_is_judged_against_the_accounts_own_email_and_name(app) {
        app.verified_traveler("carmen.zorrilla@example.org", PASSWORD).await;
        assert_eq!(app.post_json("/api/v1/password-resets", json!({"email": "carmen.zorrilla@example.org"})).await.status(), 202);
        let code = app.last_code_for("carmen.zorrilla@example.org").await;
        let own = json!({"email": "carmen.zorrilla@example.org", "code": code, "new_password": "carmen.zorrilla@example.org"});
        let body = assert_problem(app.post_json("/api/v1/password-resets/complete", own).await, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["code"], "password_weak", "{body}");
        // The code still works for a good password.
        let good = json!({"email": "carmen.zorrilla@example.org", "code": code, "new_password": "correct horse battery staple river"});
        assert_eq!(app.post_json("/api/v1/password-resets/complete", good).await.status(), 204);
        app.token("carmen.zorrilla@example.org", "correct horse battery staple river").await;
    }

    async fn addresses_the_mailer_cannot_deliver_are_refused_with_a_clear_message(app) {
        let r = app.post_json("/api/v1/accounts", json!({"email": "\"a b\"@example.org", "password": PASSWORD, "full_name": "Ana", "language": "en"})).await;
        let body = assert_problem(r, 422, "validation_failed").await;
        assert_eq!((body["errors"][0]["field"].as_str(), body["errors"][0]["code"].as_str()), (Some("email"), Some("email_undeliverable")), "{body}");
        assert!(body["errors"][0]["detail"].as_str().is_some_and(|d| d.contains("quotation marks")), "{body}");
    }
}
