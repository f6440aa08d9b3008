//! Static assets, embedded in the binary and served under content-hashed names, so they can be
//! cached for a year and a new release is fetched at once.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use data_encoding::HEXLOWER;
use sha2::{Digest, Sha256};

pub struct Asset {
    pub href: String,
    content_type: &'static str,
    body: &'static str,
}

fn asset(stem: &str, ext: &str, content_type: &'static str, body: &'static str) -> Asset {
    let hash = HEXLOWER.encode(&Sha256::digest(body.as_bytes()));
    Asset { href: format!("/static/{stem}.{}.{ext}", &hash[..12]), content_type, body }
}

pub static CSS: LazyLock<Asset> =
    LazyLock::new(|| asset("app", "css", "text/css; charset=utf-8", include_str!("../../static/app.css")));
/// The one script of every page: `app.js`, then `live.js` (live updates, which act only on the
/// pages that hold a live region), so a page still loads one stylesheet and one script.
pub static JS: LazyLock<Asset> = LazyLock::new(|| {
    asset(
        "app",
        "js",
        "text/javascript; charset=utf-8",
        concat!(include_str!("../../static/app.js"), "\n", include_str!("../../static/live.js")),
    )
});

pub async fn serve(Path(name): Path<String>) -> Response {
    let wanted = format!("/static/{name}");
    for asset in [&*CSS, &*JS] {
        if asset.href == wanted {
            return (
                [
                    (header::CONTENT_TYPE, asset.content_type),
                    (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
                ],
                asset.body,
            )
                .into_response();
        }
    }
    StatusCode::NOT_FOUND.into_response()
}
