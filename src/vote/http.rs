//! A small, strict HTTP/1.1 reader and writer: just enough for the phone pages.
//!
//! Phones on a shared network are strangers, so every request is read defensively: the head is
//! at most [`MAX_HEAD`] bytes with at most [`MAX_HEADERS`] header lines, a body at most
//! [`MAX_BODY`] bytes (the forms are a few fields), and the whole request must arrive within a
//! deadline. Reading costs time linear in what was sent; nothing here panics on any input, and
//! anything unusual (chunked bodies, two lengths, control characters) is refused rather than
//! guessed at. One request per connection: every response closes it.

use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

/// The most bytes a request's head (request line and headers) may have.
pub const MAX_HEAD: usize = 8 * 1024;
/// The most header lines a request may have.
pub const MAX_HEADERS: usize = 40;
/// The most bytes a request's body may have.
pub const MAX_BODY: usize = 4 * 1024;
/// The longest request target (path and query).
pub const MAX_TARGET: usize = 2048;
/// The most fields a form or query may have.
pub const MAX_FIELDS: usize = 32;

/// The methods the pages answer; anything else is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET.
    Get,
    /// HEAD: a GET without the body.
    Head,
    /// POST.
    Post,
    /// Any other method.
    Other,
}

/// One request as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The method.
    pub method: Method,
    /// The path, before any `?`, still percent-encoded.
    pub path: String,
    /// The query, after `?` (empty without one).
    pub query: String,
    /// Header names (lower case) and values, in the order sent.
    pub headers: Vec<(String, String)>,
    /// The body (empty without one).
    pub body: Vec<u8>,
}

impl Request {
    /// The value of the first header named `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of the cookie `name`, if sent.
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == "cookie")
            .flat_map(|(_, v)| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.trim())
    }

    /// The form fields of a POST body (`application/x-www-form-urlencoded`).
    pub fn form(&self) -> Vec<(String, String)> {
        parse_form(&String::from_utf8_lossy(&self.body))
    }

    /// The fields of the query string.
    pub fn query_fields(&self) -> Vec<(String, String)> {
        parse_form(&self.query)
    }
}

/// Why a request was refused, with the status it is answered with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpError {
    /// 400: not a request we understand.
    Bad(&'static str),
    /// 413 or 431: too large.
    TooLarge(&'static str),
    /// 408: it did not arrive in time (or the connection closed half-way).
    Timeout,
    /// 501: something we do not do (chunked bodies, other versions).
    NotImplemented(&'static str),
}

impl HttpError {
    /// The status code and a short reason for the response.
    pub fn status(&self) -> (u16, &'static str) {
        match self {
            Self::Bad(why) => (400, why),
            Self::TooLarge(why) => (413, why),
            Self::Timeout => (408, "the request did not arrive in time"),
            Self::NotImplemented(why) => (501, why),
        }
    }
}

/// Reads one request from `r`, giving up at `deadline`. `r` should have a read timeout so that
/// a silent client wakes the reader; the deadline bounds a client that sends a byte at a time.
pub fn read_request(r: &mut impl Read, deadline: Instant) -> Result<Request, HttpError> {
    let mut buf: Vec<u8> = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    // Where the search for the end of the head carries on from, so that reading is linear.
    let mut searched = 0;
    let head_end = loop {
        if let Some(end) = find_head_end(&buf, searched) {
            break end;
        }
        searched = buf.len().saturating_sub(3);
        if buf.len() >= MAX_HEAD {
            return Err(HttpError::TooLarge("the request's headers are too large"));
        }
        if Instant::now() >= deadline {
            return Err(HttpError::Timeout);
        }
        let room = (MAX_HEAD + MAX_BODY)
            .saturating_sub(buf.len())
            .min(chunk.len());
        match r.read(&mut chunk[..room]) {
            Ok(0) => {
                return Err(if buf.is_empty() {
                    HttpError::Timeout
                } else {
                    HttpError::Bad("the request ended before its headers did")
                });
            }
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Err(HttpError::Timeout),
        }
    };
    let (head_len, body_start) = head_end;
    if head_len > MAX_HEAD {
        return Err(HttpError::TooLarge("the request's headers are too large"));
    }
    let mut request = parse_head(&buf[..head_len])?;
    let length = body_length(&request)?;
    let mut body: Vec<u8> = buf.get(body_start..).unwrap_or_default().to_vec();
    if body.len() > length {
        // Bytes after the body: a second request on the same connection, which we do not read.
        body.truncate(length);
    }
    while body.len() < length {
        if Instant::now() >= deadline {
            return Err(HttpError::Timeout);
        }
        let want = (length - body.len()).min(chunk.len());
        match r.read(&mut chunk[..want]) {
            Ok(0) => return Err(HttpError::Bad("the request ended before its body did")),
            Ok(n) => body.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Err(HttpError::Timeout),
        }
    }
    request.body = body;
    Ok(request)
}

/// Where the head ends: `(head length without the blank line, where the body starts)`, looking
/// from `from` on. Accepts `\r\n\r\n` and, leniently, `\n\n`.
fn find_head_end(buf: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    while i < buf.len() {
        if buf[i] == b'\n' {
            if buf.get(i + 1) == Some(&b'\n') {
                return Some((i, i + 2));
            }
            if buf.get(i + 1) == Some(&b'\r') && buf.get(i + 2) == Some(&b'\n') {
                return Some((i, i + 3));
            }
        }
        i += 1;
    }
    None
}

/// The body's length from `Content-Length`, refusing what we do not read.
fn body_length(request: &Request) -> Result<usize, HttpError> {
    if request.header("transfer-encoding").is_some() {
        return Err(HttpError::NotImplemented("chunked bodies are not accepted"));
    }
    let mut lengths = request
        .headers
        .iter()
        .filter(|(n, _)| n == "content-length");
    let Some((_, first)) = lengths.next() else {
        return Ok(0);
    };
    if lengths.next().is_some() {
        return Err(HttpError::Bad("two Content-Length headers"));
    }
    if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
        return Err(HttpError::Bad("Content-Length is not a number"));
    }
    if first.len() > 6 {
        return Err(HttpError::TooLarge("the request's body is too large"));
    }
    let n: usize = first
        .parse()
        .map_err(|_| HttpError::Bad("Content-Length is not a number"))?;
    if n > MAX_BODY {
        return Err(HttpError::TooLarge("the request's body is too large"));
    }
    Ok(n)
}

/// Parses a request's head (request line and header lines, without the blank line).
pub fn parse_head(head: &[u8]) -> Result<Request, HttpError> {
    let text = std::str::from_utf8(head).map_err(|_| HttpError::Bad("the headers are not text"))?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let first = lines.next().unwrap_or_default();
    let mut parts = first.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(HttpError::Bad(
            "the request line is not METHOD TARGET VERSION",
        ));
    };
    if version != "HTTP/1.1" && version != "HTTP/1.0" {
        return Err(HttpError::NotImplemented(
            "only HTTP/1.0 and 1.1 are spoken",
        ));
    }
    let method = match method {
        "GET" => Method::Get,
        "HEAD" => Method::Head,
        "POST" => Method::Post,
        m if !m.is_empty() && m.bytes().all(is_token) => Method::Other,
        _ => return Err(HttpError::Bad("the method is not a word")),
    };
    if target.len() > MAX_TARGET {
        return Err(HttpError::TooLarge("the address is too long"));
    }
    if !target.starts_with('/') || !target.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(HttpError::Bad("the address is not a path"));
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut headers = Vec::new();
    for line in lines {
        if headers.len() >= MAX_HEADERS {
            return Err(HttpError::TooLarge("too many headers"));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(HttpError::Bad("a header line has no colon"));
        };
        if name.is_empty() || !name.bytes().all(is_token) {
            return Err(HttpError::Bad("a header's name is not a word"));
        }
        let value = value.trim_matches(|c| c == ' ' || c == '\t');
        if value.chars().any(|c| c.is_control() && c != '\t') {
            return Err(HttpError::Bad("a header's value has control characters"));
        }
        headers.push((name.to_ascii_lowercase(), value.to_string()));
    }
    Ok(Request {
        method,
        path: path.to_string(),
        query: query.to_string(),
        headers,
        body: Vec::new(),
    })
}

/// Characters of an HTTP token (method, header name).
fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Decodes `a=1&b=two+words` (percent-encoding, `+` for space), at most [`MAX_FIELDS`] fields.
pub fn parse_form(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|p| !p.is_empty())
        .take(MAX_FIELDS)
        .map(|pair| {
            let (n, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(n), decode(v))
        })
        .collect()
}

/// The first value of field `name`.
pub fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Percent-decodes one form value; bad escapes are kept as written, bad UTF-8 replaced.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// HTML-escapes text for an element or a quoted attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The content security policy of every response: nothing from anywhere but this server, no
/// inline script or style, no framing.
pub const CSP: &str = "default-src 'none'; style-src 'self'; script-src 'self'; \
    connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; \
    frame-ancestors 'none'";

/// A response to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The content type.
    pub content_type: &'static str,
    /// Headers beyond the ones every response has.
    pub headers: Vec<(&'static str, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// A response with a body.
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            content_type,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// An HTML page.
    pub fn html(status: u16, body: String) -> Self {
        Self::new(status, "text/html; charset=utf-8", body)
    }

    /// A JSON answer (for the page's script).
    pub fn json(status: u16, value: &serde_json::Value) -> Self {
        Self::new(status, "application/json", value.to_string())
    }

    /// A plain-text answer.
    pub fn text(status: u16, text: &str) -> Self {
        Self::new(status, "text/plain; charset=utf-8", format!("{text}\n"))
    }

    /// "See other": after a form is sent, the browser goes to `to` (so a reload does not send
    /// the form again).
    pub fn redirect(to: &str) -> Self {
        let mut r = Self::new(303, "text/plain; charset=utf-8", "See other\n");
        r.headers.push(("Location", to.to_string()));
        r
    }

    /// Adds a header.
    pub fn with(mut self, name: &'static str, value: String) -> Self {
        self.headers.push((name, value));
        self
    }

    /// Writes the response; with `head_only` (a HEAD request) without the body.
    pub fn write_to(&self, w: &mut impl Write, head_only: bool) -> io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\
             Cache-Control: no-store\r\nContent-Security-Policy: {CSP}\r\n\
             X-Content-Type-Options: nosniff\r\nReferrer-Policy: same-origin\r\n\
             X-Frame-Options: DENY\r\nCross-Origin-Resource-Policy: same-origin\r\n\
             Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len()
        );
        for (n, v) in &self.headers {
            // Values are ours, but a line break in one would start a new header: drop them.
            let v: String = v.chars().filter(|c| !c.is_control()).collect();
            head.push_str(&format!("{n}: {v}\r\n"));
        }
        head.push_str("\r\n");
        w.write_all(head.as_bytes())?;
        if !head_only {
            w.write_all(&self.body)?;
        }
        w.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// How long a whole request may take to arrive.
pub const REQUEST_DEADLINE: Duration = Duration::from_secs(10);

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<Request, HttpError> {
        read_request(&mut &bytes[..], Instant::now() + Duration::from_secs(5))
    }

    #[test]
    fn a_form_post_is_read_whole() {
        let r = read(
            b"POST /vote HTTP/1.1\r\nHost: x\r\nCookie: a=1; coprod=abc\r\n\
              Content-Length: 17\r\n\r\nchoice=3&k=a%2Bb+c",
        )
        .expect("request");
        assert_eq!(r.method, Method::Post);
        assert_eq!(r.path, "/vote");
        assert_eq!(r.cookie("coprod"), Some("abc"));
        assert_eq!(r.cookie("b"), None);
        let form = r.form();
        assert_eq!(field(&form, "choice"), Some("3"));
        // The body is 17 bytes: the last character is not part of it.
        assert_eq!(field(&form, "k"), Some("a+b "));
    }

    #[test]
    fn a_get_with_a_query_and_bare_line_feeds() {
        let r = read(b"GET /?code=ab%20cd HTTP/1.0\nHost: x\n\n").expect("request");
        assert_eq!(r.method, Method::Get);
        assert_eq!(field(&r.query_fields(), "code"), Some("ab cd"));
        assert_eq!(r.header("host"), Some("x"));
    }

    #[test]
    fn hostile_requests_are_refused_not_guessed() {
        let cases: &[(&[u8], u16)] = &[
            (b"GET /\r\n\r\n", 400),
            (b"GET / HTTP/2\r\n\r\n", 501),
            (b"GET http://x/ HTTP/1.1\r\n\r\n", 400),
            (b"GE\x01T / HTTP/1.1\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\nno colon\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\nA: b\x07c\r\n\r\n", 400),
            (
                b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                501,
            ),
            (
                b"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
                400,
            ),
            (b"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400),
            (b"POST / HTTP/1.1\r\nContent-Length: 99999\r\n\r\n", 413),
            (b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nshort", 400),
            (b"GET / HTTP/1.1\r\nHost: x", 400),
            (b"\xff\xfe / HTTP/1.1\r\n\r\n", 400),
        ];
        for (bytes, status) in cases {
            let got = read(bytes).map(|_| ()).map_err(|e| e.status().0);
            assert_eq!(got, Err(*status), "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn size_limits_hold() {
        let mut many = b"GET / HTTP/1.1\r\n".to_vec();
        for i in 0..=MAX_HEADERS {
            many.extend_from_slice(format!("X-{i}: y\r\n").as_bytes());
        }
        many.extend_from_slice(b"\r\n");
        assert_eq!(
            read(&many).map(|_| ()),
            Err(HttpError::TooLarge("too many headers"))
        );
        let mut huge = b"GET / HTTP/1.1\r\nX: ".to_vec();
        huge.extend(std::iter::repeat_n(b'a', MAX_HEAD * 4));
        assert!(matches!(read(&huge), Err(HttpError::TooLarge(_))));
        let long = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_TARGET));
        assert!(matches!(read(long.as_bytes()), Err(HttpError::TooLarge(_))));
    }

    #[test]
    fn nothing_sent_is_a_timeout_and_a_past_deadline_stops_reading() {
        assert_eq!(read(b"").map(|_| ()), Err(HttpError::Timeout));
        let r = read_request(&mut &b"GET / HT"[..], Instant::now());
        assert_eq!(r.map(|_| ()), Err(HttpError::Timeout));
    }

    #[test]
    fn forms_decode_leniently_and_are_bounded() {
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("caf%C3%A9"), "café");
        assert_eq!(decode("%ff"), "\u{fffd}");
        let many = "a=1&".repeat(1000);
        assert_eq!(parse_form(&many).len(), MAX_FIELDS);
        assert_eq!(
            parse_form("flag&=v&&x="),
            [
                ("flag".to_string(), String::new()),
                (String::new(), "v".to_string()),
                ("x".to_string(), String::new()),
            ]
        );
    }

    proptest::proptest! {
        /// Any bytes at all: no panic, and nothing read past the limits.
        #[test]
        fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..4096)) {
            if let Ok(r) = read(&bytes) {
                proptest::prop_assert!(r.body.len() <= MAX_BODY);
                proptest::prop_assert!(r.headers.len() <= MAX_HEADERS);
                let _ = r.form();
                let _ = r.cookie("coprod_phone");
            }
        }

        /// Requests that look almost right: a real request line and headers, then noise.
        #[test]
        fn near_requests_are_read_or_refused(
            head in "(GET|POST|HEAD|PUT) /[a-z?=&%0-9]{0,40} HTTP/1\\.[01]\r\n([A-Za-z-]{1,12}: [ -~]{0,30}\r\n){0,8}\r\n",
            tail in proptest::collection::vec(proptest::num::u8::ANY, 0..600),
        ) {
            let mut bytes = head.into_bytes();
            bytes.extend(tail);
            if let Ok(r) = read(&bytes) {
                for (_, v) in r.form().iter().chain(r.query_fields().iter()) {
                    proptest::prop_assert!(!escape(v).contains('<'));
                }
            }
        }
    }

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>"a" & 'b'</script>"#),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn responses_carry_the_security_headers_and_no_injected_lines() {
        let mut out = Vec::new();
        Response::redirect("/vote\r\nSet-Cookie: x=1")
            .write_to(&mut out, false)
            .expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.starts_with("HTTP/1.1 303 See Other\r\n"));
        assert!(text.contains("Content-Security-Policy: default-src 'none';"));
        assert!(text.contains("Cache-Control: no-store\r\n"));
        assert!(text.contains("Location: /voteSet-Cookie: x=1\r\n"));
        assert!(!text.contains("\r\nSet-Cookie"));
    }
}
