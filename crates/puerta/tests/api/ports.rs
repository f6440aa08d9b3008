use crate::helpers::assert_problem;

on_both_backends! {
    async fn lists_the_eight_ports_with_their_zones_and_a_total_of_1450(app) {
        let response = app.get("/api/v1/ports").await;
        assert_eq!(response.status(), 200);
        let body: serde_json::Value = response.json().await.expect("json");
        assert!(body["next_cursor"].is_null(), "one page holds all eight: {body}");
        let ports: Vec<serde_json::Value> = body["items"].as_array().expect("items").clone();
        let codes: Vec<&str> = ports.iter().filter_map(|p| p["code"].as_str()).collect();
        assert_eq!(codes, ["BRO", "CLX", "EGP", "ELP", "HID", "LRD", "NOG", "SYS"]);
        let total: u64 = ports.iter().filter_map(|p| p["daily_capacity"].as_u64()).sum();
        assert_eq!(total, 1450);
        for port in &ports {
            for field in ["name", "city", "state", "time_zone"] {
                assert!(port[field].as_str().is_some_and(|s| !s.is_empty()), "{field} in {port}");
            }
        }
        let nogales = ports.iter().find(|p| p["code"] == "NOG").expect("NOG");
        assert_eq!(nogales["time_zone"], "America/Phoenix");
        assert_eq!(nogales["state"], "Arizona");

        // The list's cursor, like every list's: pages of three, in order, to the end.
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let path = match &cursor { Some(c) => format!("/api/v1/ports?limit=3&cursor={c}"), None => "/api/v1/ports?limit=3".into() };
            let page: serde_json::Value = app.get(&path).await.json().await.expect("json");
            seen.extend(page["items"].as_array().expect("items").iter().filter_map(|p| p["code"].as_str().map(String::from)));
            match page["next_cursor"].as_str() { Some(c) => cursor = Some(c.to_string()), None => break }
        }
        assert_eq!(seen, codes);
        assert_problem(app.get("/api/v1/ports?cursor=ZZZ").await, 422, "validation_failed").await;
    }

    async fn returns_one_port_by_code_in_any_case(app) {
        let response = app.get("/api/v1/ports/sys").await;
        assert_eq!(response.status(), 200);
        let port: serde_json::Value = response.json().await.expect("json");
        assert_eq!(port["code"], "SYS");
        assert_eq!(port["time_zone"], "America/Los_Angeles");
    }

    async fn an_unknown_port_is_a_404_problem(app) {
        assert_problem(app.get("/api/v1/ports/XXX").await, 404, "not_found").await;
        assert_problem(app.get("/api/v1/ports/not-a-code").await, 404, "not_found").await;
    }
}
