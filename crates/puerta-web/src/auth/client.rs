use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use puerta_app::accounts::RequestContext;

use crate::AppState;

/// Addresses of reverse proxies whose `X-Forwarded-For` we believe. Empty by default: then the
/// client is the TCP peer, and a forged header changes nothing.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(pub Arc<Vec<IpAddr>>);

/// The header that carries a solved proof-of-work challenge.
pub const PROOF_HEADER: &str = "puerta-proof";

/// The request's origin, for throttles and the audit log.
pub struct Client(pub RequestContext);

impl<S> FromRequestParts<S> for Client
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let state = AppState::from_ref(state);
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        let ip = peer.map(|peer| client_ip(peer, &parts.headers, &state.trusted_proxies.0));
        let user_agent = parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|ua| ua.chars().take(256).collect());
        // A solved proof of work, when the source address is under pressure: the API sends it
        // in a header; pages send it as a form field, which the page handler adds.
        let proof = parts
            .headers
            .get(PROOF_HEADER)
            .and_then(|v| v.to_str().ok())
            .filter(|p| p.len() <= 4096)
            .map(str::to_string);
        Ok(Self(RequestContext { ip: ip.map(|ip| ip.to_string()), user_agent, proof }))
    }
}

/// Walks `X-Forwarded-For` from the right while the hop is a trusted proxy.
fn client_ip(peer: IpAddr, headers: &axum::http::HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    forwarded.into_iter().rev().find(|hop| !trusted.contains(hop)).unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderMap, HeaderValue};

    use super::*;

    #[test]
    fn forwarded_headers_count_only_behind_a_trusted_proxy() {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_static("6.6.6.6, 203.0.113.9"));
        let proxy: IpAddr = "10.0.0.1".parse().unwrap_or(IpAddr::from([0, 0, 0, 0]));
        let peer: IpAddr = "198.51.100.2".parse().unwrap_or(IpAddr::from([0, 0, 0, 0]));
        assert_eq!(client_ip(peer, &headers, &[proxy]), peer, "untrusted peer: header ignored");
        assert_eq!(
            client_ip(proxy, &headers, &[proxy]).to_string(),
            "203.0.113.9",
            "rightmost untrusted hop"
        );
    }
}
