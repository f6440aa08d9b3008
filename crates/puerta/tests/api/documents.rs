//! Case documents through the API (issue 10, item 7): upload by multipart, download the same
//! bytes (images without their metadata), every bad upload refused with a clear 422 that leaves
//! nothing stored, nobody but the account holder and staff can read, staff reads audited, and
//! the per-case quota.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use serde_json::json;
use sha2::{Digest, Sha256};

use crate::helpers::{PASSWORD, TestApp, assert_problem};

/// A one-page PDF with a right cross-reference table.
pub(crate) fn pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ];
    let mut text = String::from("%PDF-1.7\n");
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(text.len());
        text.push_str(&format!("{} 0 obj\n{body}\nendobj\n", i + 1));
    }
    let xref = text.len();
    text.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for offset in offsets {
        text.push_str(&format!("{offset:010} 00000 n \n"));
    }
    text.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    text.into_bytes()
}

const GPS_MARK: &[u8] = b"GPSLatitudeRef";

fn entry(out: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32) {
    out.extend_from_slice(&tag.to_le_bytes());
    out.extend_from_slice(&kind.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&value.to_le_bytes());
}

/// A small JPEG with an EXIF block holding a GPS position (18°N, 72°W) right after SOI.
pub(crate) fn jpeg_with_gps() -> Vec<u8> {
    let picture = image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(48, 32, |x, y| {
        image::Rgb([u8::try_from(x * 5).unwrap_or(0), u8::try_from(y * 7).unwrap_or(0), 128])
    }));
    let mut out = Cursor::new(Vec::new());
    picture.write_to(&mut out, image::ImageFormat::Jpeg).expect("jpeg");
    let jpeg = out.into_inner();
    let mut tiff = b"II*\0".to_vec();
    tiff.extend_from_slice(&8u32.to_le_bytes());
    let gps_ifd = 8 + 2 + 2 * 12 + 4;
    tiff.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut tiff, 0x0112, 3, 1, 1);
    entry(&mut tiff, 0x8825, 4, 1, gps_ifd);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    let latitude = gps_ifd + 2 + 4 * 12 + 4;
    let longitude = latitude + 24;
    tiff.extend_from_slice(&4u16.to_le_bytes());
    entry(&mut tiff, 0x0001, 2, 2, u32::from_le_bytes(*b"N\0\0\0"));
    entry(&mut tiff, 0x0002, 5, 3, latitude);
    entry(&mut tiff, 0x0003, 2, 2, u32::from_le_bytes(*b"W\0\0\0"));
    entry(&mut tiff, 0x0004, 5, 3, longitude);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    for value in [18u32, 1, 32, 1, 0, 1, 72, 1, 20, 1, 0, 1] {
        tiff.extend_from_slice(&value.to_le_bytes());
    }
    tiff.extend_from_slice(GPS_MARK);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut with_gps = jpeg[..2].to_vec();
    with_gps.extend_from_slice(&[0xFF, 0xE1]);
    with_gps.extend_from_slice(&u16::try_from(app1.len() + 2).expect("short").to_be_bytes());
    with_gps.extend_from_slice(&app1);
    with_gps.extend_from_slice(&jpeg[2..]);
    with_gps
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A `multipart/form-data` body with `kind` and a `file` part named `name`.
pub(crate) fn multipart(kind: &str, name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "puerta-test-boundary-7MA4YWxkTrZu0gW";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{kind}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

pub(crate) async fn upload(
    app: &TestApp,
    token: &str,
    reference: &str,
    kind: &str,
    name: &str,
    bytes: &[u8],
) -> reqwest::Response {
    let (content_type, body) = multipart(kind, name, bytes);
    app.client
        .post(app.url(&format!("/api/v1/cases/{reference}/documents")))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("sent")
}

/// A verified traveler `email` with one submitted case: (token, reference number).
pub(crate) async fn traveler_with_case(app: &TestApp, email: &str) -> (String, String) {
    app.verified_traveler(email, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    let traveler = json!({
        "given_name": "Marie", "family_name": "Joseph", "date_of_birth": "1990-07-04",
        "nationality": "HT", "country_of_birth": "HT", "city_of_birth": "Jacmel",
        "country_of_residence": "MX", "language": "ht"
    });
    let r = app
        .client
        .post(app.url("/api/v1/travelers"))
        .bearer_auth(&token)
        .json(&traveler)
        .send()
        .await
        .expect("sent");
    assert_eq!(r.status(), 201);
    let id = r.json::<serde_json::Value>().await.expect("json")["id"].as_str().expect("id").to_string();
    let destination =
        json!({"line1": "100 Main St", "city": "Brownsville", "state": "TX", "postal_code": "78520"});
    let r = app
        .client
        .post(app.url("/api/v1/applications"))
        .bearer_auth(&token)
        .json(&json!({"traveler_ids": [id], "us_destination": destination}))
        .send()
        .await
        .expect("sent");
    assert_eq!(r.status(), 201);
    let receipt: serde_json::Value = r.json().await.expect("json");
    (token, receipt["cases"][0]["reference_number"].as_str().expect("ref").to_string())
}

pub(crate) fn data_dir(app: &TestApp) -> PathBuf {
    app.outbox.parent().expect("data dir").to_path_buf()
}

/// Every file under `dir`, at any depth.
pub(crate) fn files_under(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries.filter_map(Result::ok).map(|e| if e.path().is_dir() { files_under(&e.path()) } else { 1 }).sum()
}

/// The document rows of the case `reference`.
async fn rows(app: &TestApp, reference: &str) -> usize {
    let store = app.store().await;
    let mut read = store.read().await.expect("read");
    let reference = puerta_domain::cases::ReferenceNumber::parse(reference).expect("ref");
    let case = read.cases().find_by_reference(&reference).await.expect("find").expect("case");
    let n = read.documents().list_for_case(&case.id).await.expect("list").len();
    drop(read);
    store.close().await;
    n
}

pub(crate) async fn download(app: &TestApp, token: &str, id: &str) -> reqwest::Response {
    app.get_with(&format!("/api/v1/documents/{id}"), token).await
}

on_both_backends! {
    async fn a_pdf_comes_back_byte_for_byte_and_a_jpeg_without_its_location(app) {
        let (token, reference) = traveler_with_case(&app, "docs@example.org").await;
        let pdf = pdf();
        let r = upload(&app, &token, &reference, "passport", "Pasaporte José.pdf", &pdf).await;
        assert_eq!(r.status(), 201);
        let created: serde_json::Value = r.json().await.expect("json");
        assert_eq!(created["content_type"], "application/pdf");
        assert_eq!(created["size"], pdf.len());
        assert_eq!(created["sha256"], hex_sha256(&pdf));
        let id = created["id"].as_str().expect("id").to_string();

        let r = download(&app, &token, &id).await;
        assert_eq!(r.status(), 200);
        let headers = r.headers().clone();
        assert_eq!(headers["content-type"], "application/pdf");
        assert_eq!(headers["cache-control"], "no-store");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        let disposition = headers["content-disposition"].to_str().expect("ascii");
        assert!(disposition.starts_with("attachment; filename=\"Pasaporte Jos_.pdf\""), "{disposition}");
        assert!(disposition.contains("filename*=UTF-8''Pasaporte%20Jos%C3%A9.pdf"), "{disposition}");
        let bytes = r.bytes().await.expect("bytes");
        assert_eq!(bytes.as_ref(), pdf.as_slice(), "the same bytes back");
        assert_eq!(hex_sha256(&bytes), created["sha256"].as_str().expect("sha"));

        // Stored encrypted: the object on disk is not the PDF.
        let object = std::fs::read(data_dir(&app).join("documents/documents").join(&id)).expect("object");
        assert!(!contains(&object, b"%PDF"), "ciphertext only");

        let jpeg = jpeg_with_gps();
        assert!(contains(&jpeg, GPS_MARK));
        // A later upload, so the case lists the two in order.
        app.clock.advance_secs(1);
        let r = upload(&app, &token, &reference, "evidence", "photo.jpg", &jpeg).await;
        assert_eq!(r.status(), 201);
        let created: serde_json::Value = r.json().await.expect("json");
        assert_eq!(created["content_type"], "image/jpeg");
        let jpeg_id = created["id"].as_str().expect("id").to_string();
        let back = download(&app, &token, &jpeg_id).await.bytes().await.expect("bytes");
        assert!(back.starts_with(&[0xFF, 0xD8]), "still a JPEG");
        assert!(!contains(&back, GPS_MARK) && !contains(&back, b"Exif\0\0"), "the GPS block is gone");
        assert_eq!(hex_sha256(&back), created["sha256"].as_str().expect("sha"));

        // The case lists both.
        let case: serde_json::Value = app.get_with(&format!("/api/v1/cases/{reference}"), &token).await.json().await.expect("json");
        let documents = case["documents"].as_array().expect("documents");
        assert_eq!(documents.len(), 2, "{case}");
        assert_eq!(documents[0]["id"], id.as_str());
        assert_eq!(documents[0]["kind"], "passport");
        assert_eq!(documents[1]["kind"], "evidence");
        assert!(documents[0]["uploaded_at"].is_string());
    }

    async fn every_bad_upload_gets_a_clear_problem_and_leaves_nothing_stored(app) {
        let (token, reference) = traveler_with_case(&app, "bad@example.org").await;
        let pdf = pdf();
        let mut too_big = pdf.clone();
        too_big.resize(6 * 1024 * 1024 + 1, b' ');
        let mut polyglot = pdf.clone();
        polyglot.extend_from_slice(b"PK\x03\x04\x14\0\0\0\x08\0hidden.js");
        let gif = b"GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff!\xf9\x04\x01\0\0\0\0,\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;".to_vec();
        let html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".to_vec();
        let cases: Vec<(&str, &str, Vec<u8>, &str)> = vec![
            ("a GIF", "picture.gif", gif, "document_type"),
            ("an HTML file named .pdf", "passport.pdf", html, "document_type"),
            ("too big", "big.pdf", too_big, "document_too_big"),
            ("empty", "empty.pdf", Vec::new(), "document_empty"),
            ("truncated", "cut.pdf", pdf[..pdf.len() / 2].to_vec(), "document_corrupt"),
            ("a polyglot", "both.pdf", polyglot, "document_polyglot"),
            ("a path trick", "../../etc/passport.pdf", pdf.clone(), "document_name"),
            ("a device name", "CON.pdf", pdf.clone(), "document_name"),
        ];
        for (what, name, bytes, code) in cases {
            let body = assert_problem(upload(&app, &token, &reference, "passport", name, &bytes).await, 422, "validation_failed").await;
            assert_eq!(body["errors"][0]["field"], "file", "{what}: {body}");
            assert_eq!(body["errors"][0]["code"], code, "{what}: {body}");
            assert!(!body["errors"][0]["detail"].as_str().unwrap_or_default().is_empty(), "{what}");
            if code == "document_too_big" {
                let detail = body["errors"][0]["detail"].as_str().expect("detail");
                assert!(detail.contains("6 MB") && !detail.contains('{'), "{detail}");
            }
        }
        let body = assert_problem(upload(&app, &token, &reference, "selfie", "a.pdf", &pdf).await, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["field"], "kind");
        assert_eq!(rows(&app, &reference).await, 0, "no row");
        assert_eq!(files_under(&data_dir(&app).join("documents")), 0, "no object");
        // Not multipart at all.
        let r = app.client.post(app.url(&format!("/api/v1/cases/{reference}/documents"))).bearer_auth(&token)
            .json(&json!({"file": "x"})).send().await.expect("sent");
        assert_problem(r, 415, "unsupported_media_type").await;
    }

    async fn nobody_else_can_upload_or_read_and_staff_reads_are_audited(app) {
        let (token, reference) = traveler_with_case(&app, "owner@example.org").await;
        let r = upload(&app, &token, &reference, "passport", "p.pdf", &pdf()).await;
        assert_eq!(r.status(), 201);
        let id = r.json::<serde_json::Value>().await.expect("json")["id"].as_str().expect("id").to_string();

        app.verified_traveler("other@example.org", PASSWORD).await;
        let other = app.token("other@example.org", PASSWORD).await;
        assert_problem(upload(&app, &other, &reference, "passport", "p.pdf", &pdf()).await, 404, "not_found").await;
        assert_problem(download(&app, &other, &id).await, 404, "not_found").await;
        assert_problem(download(&app, &other, "no-such-document").await, 404, "not_found").await;
        assert_eq!(rows(&app, &reference).await, 1);

        app.staff("officer@example.org", "officer", PASSWORD).await;
        let officer = app.token("officer@example.org", PASSWORD).await;
        app.enrol_totp(&officer).await;
        let r = download(&app, &officer, &id).await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.bytes().await.expect("bytes").as_ref(), pdf().as_slice());
        // An officer may add a document to the case too.
        assert_eq!(upload(&app, &officer, &reference, "evidence", "note.pdf", &pdf()).await.status(), 201);
        // The owner's own reads are not audited as staff reads.
        assert_eq!(download(&app, &token, &id).await.status(), 200);

        app.staff("root@example.org", "admin", PASSWORD).await;
        let admin = app.token("root@example.org", PASSWORD).await;
        app.enrol_totp(&admin).await;
        assert_problem(download(&app, &admin, &id).await, 403, "forbidden").await;
        let audit: serde_json::Value = app.get_with("/api/v1/admin/audit?action=document_read_by_staff", &admin).await.json().await.expect("json");
        assert_eq!(audit["items"].as_array().map(Vec::len), Some(1), "{audit}");
        let audit: serde_json::Value = app.get_with("/api/v1/admin/audit?action=document_uploaded", &admin).await.json().await.expect("json");
        assert_eq!(audit["items"].as_array().map(Vec::len), Some(2), "{audit}");
    }
}

/// Three of the sample PDF fit in the quota, a fourth does not.
fn quota_settings(settings: &mut puerta::settings::Settings) {
    let quota = 3 * pdf().len() as u64 + 10;
    settings.documents_case_quota_bytes = quota;
    settings.documents_max_bytes = quota;
}

async fn the_quota_refuses_the_upload_past_it(app: TestApp) {
    let (token, reference) = traveler_with_case(&app, "quota@example.org").await;
    for _ in 0..3 {
        assert_eq!(upload(&app, &token, &reference, "evidence", "p.pdf", &pdf()).await.status(), 201);
    }
    let body = assert_problem(
        upload(&app, &token, &reference, "evidence", "p.pdf", &pdf()).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(body["errors"][0]["field"], "file");
    assert_eq!(body["errors"][0]["code"], "document_quota", "{body}");
    assert_eq!(rows(&app, &reference).await, 3, "no fourth row");
    assert_eq!(files_under(&data_dir(&app).join("documents")), 3, "no fourth object");
}

mod per_case_quota {
    use super::*;

    #[tokio::test]
    async fn sqlite() {
        the_quota_refuses_the_upload_past_it(TestApp::sqlite_with(quota_settings).await).await;
    }

    #[tokio::test]
    async fn postgres() {
        let Some(app) = TestApp::postgres_with(quota_settings).await else { return };
        the_quota_refuses_the_upload_past_it(app).await;
    }
}

/// The same API with documents in an S3-compatible bucket (moto, which `scripts/test.sh` starts
/// and names in `PUERTA_TEST_S3_ENDPOINT`): once, on SQLite, as the storage is the same for both
/// databases.
mod on_s3 {
    use super::*;

    fn endpoint() -> String {
        std::env::var("PUERTA_TEST_S3_ENDPOINT")
            .ok()
            .filter(|e| !e.trim().is_empty())
            .map(|e| e.trim_end_matches('/').to_string())
            .expect(
                "PUERTA_TEST_S3_ENDPOINT is not set: this test needs an S3-compatible server. Run \
                 `bash scripts/test.sh`, or wrap the command in `bash scripts/moto.sh`, e.g. \
                 `bash scripts/moto.sh cargo nextest run -p puerta --test api on_s3`.",
            )
    }

    /// The object keys the bucket lists (moto answers a plain, unsigned path-style GET).
    async fn keys_in(client: &reqwest::Client, endpoint: &str, bucket: &str) -> Vec<String> {
        let listing = client.get(format!("{endpoint}/{bucket}")).send().await.expect("list");
        assert_eq!(listing.status(), 200);
        let text = listing.text().await.expect("xml");
        text.split("<Key>")
            .skip(1)
            .filter_map(|k| k.split_once("</Key>"))
            .map(|(k, _)| k.to_string())
            .collect()
    }

    /// An object's bytes as the bucket holds them (a signed GET: moto keeps objects private).
    async fn raw_object(endpoint: &str, bucket: &str, key: &str) -> Vec<u8> {
        use object_store::ObjectStore;
        let store = object_store::aws::AmazonS3Builder::new()
            .with_endpoint(endpoint)
            .with_allow_http(true)
            .with_region("us-east-1")
            .with_bucket_name(bucket)
            .with_access_key_id("test")
            .with_secret_access_key("test")
            .build()
            .expect("client");
        let object = store.get(&object_store::path::Path::from(key)).await.expect("object");
        object.bytes().await.expect("bytes").to_vec()
    }

    #[tokio::test]
    async fn uploads_are_stored_encrypted_in_the_bucket_and_come_back_whole() {
        let endpoint = endpoint();
        let bucket = format!("puerta-api-{}", uuid::Uuid::new_v4().simple());
        let client = reqwest::Client::new();
        assert!(
            client.put(format!("{endpoint}/{bucket}")).send().await.expect("bucket").status().is_success()
        );
        let app = TestApp::sqlite_with(|s| {
            s.documents_s3_endpoint = Some(endpoint.clone());
            s.documents_s3_bucket = Some(bucket.clone());
            s.documents_s3_access_key_id = Some("test".into());
            s.documents_s3_secret_access_key = Some("test".to_string().into());
            quota_settings(s);
        })
        .await;
        let (token, reference) = traveler_with_case(&app, "s3@example.org").await;
        let pdf = pdf();
        let r = upload(&app, &token, &reference, "passport", "p.pdf", &pdf).await;
        assert_eq!(r.status(), 201);
        let id = r.json::<serde_json::Value>().await.expect("json")["id"].as_str().expect("id").to_string();
        let r = download(&app, &token, &id).await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.bytes().await.expect("bytes").as_ref(), pdf.as_slice(), "the same bytes back");

        assert_eq!(keys_in(&client, &endpoint, &bucket).await, [format!("documents/{id}")]);
        let object = raw_object(&endpoint, &bucket, &format!("documents/{id}")).await;
        assert!(
            object.starts_with(b"PDOC") && !contains(&object, b"%PDF"),
            "ciphertext only: {:?}",
            String::from_utf8_lossy(&object[..object.len().min(300)])
        );
        assert_eq!(files_under(&data_dir(&app).join("documents")), 0, "nothing on the local disk");

        // Refused uploads (bad content, past the quota) leave nothing in the bucket.
        let html = b"<!DOCTYPE html><html><script>alert(1)</script></html>";
        assert_eq!(upload(&app, &token, &reference, "passport", "x.pdf", html).await.status(), 422);
        for _ in 0..2 {
            assert_eq!(upload(&app, &token, &reference, "evidence", "p.pdf", &pdf).await.status(), 201);
        }
        assert_eq!(upload(&app, &token, &reference, "evidence", "p.pdf", &pdf).await.status(), 422);
        assert_eq!(keys_in(&client, &endpoint, &bucket).await.len(), 3, "three objects, no more");
        assert_eq!(rows(&app, &reference).await, 3);
    }
}
