//! The server: one thread accepting connections on the chosen address, and connection threads
//! that each answer one connection at a time (at most [`MOST_CONNECTIONS`] connections at once,
//! threads kept for the next connection while there is work), one request per connection, read
//! with a deadline. It serves the phone pages and nothing else, and stops when its [`Server`] is
//! dropped, which is when the workshop screen closes.

use std::collections::HashMap;
use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::json;

use super::ballot::{Ballot, JoinError, Pick, VoteError};
use super::http::{self, Method, Request, Response, field};
use super::pages::{self, Notice, VotePage};
use super::{Shared, random_hex};

/// The most connections served at once (each a thread with a small stack, most of them
/// waiting for their vote to be saved); more are told to try again.
pub const MOST_CONNECTIONS: usize = 512;
/// How long a connection may stay silent before it is dropped.
const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a phone waits for its vote to reach the saved record before it is told to send it
/// again.
const SAVE_WAIT: Duration = Duration::from_secs(5);
/// Wrong join codes one address may try in a minute.
const WRONG_CODES_PER_MINUTE: u32 = 10;
/// Votes one phone may send in ten seconds (a person changing their mind does a few).
const VOTES_PER_TEN_SECONDS: u32 = 30;
/// The cookie that holds a phone's token.
pub const COOKIE: &str = "coprod_phone";

/// How many connections may wait to be accepted. The standard library asks for 128; a room
/// where everyone presses at once can send more, and a connection that finds the queue full
/// waits a whole second before trying again.
const BACKLOG: i32 = 1024;

/// Listens on `addr` with a queue of [`BACKLOG`] waiting connections.
#[cfg(unix)]
pub fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    use rustix::net::{AddressFamily, SocketFlags, SocketType};
    let family = if addr.is_ipv4() {
        AddressFamily::INET
    } else {
        AddressFamily::INET6
    };
    let fd = rustix::net::socket_with(family, SocketType::STREAM, SocketFlags::CLOEXEC, None)?;
    // As the standard library does: a restarted coprod can listen on the same port at once.
    rustix::net::sockopt::set_socket_reuseaddr(&fd, true)?;
    rustix::net::bind(&fd, &addr)?;
    rustix::net::listen(&fd, BACKLOG)?;
    Ok(TcpListener::from(fd))
}

/// Listens on `addr`.
#[cfg(not(unix))]
pub fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    TcpListener::bind(addr)
}

/// A running server; dropping it stops it.
pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts serving `shared` on `listener`.
    pub fn start(listener: TcpListener, shared: Arc<Shared>) -> std::io::Result<Self> {
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("coprod-vote".into())
            .spawn(move || accept_loop(&listener, &shared, &flag))?;
        Ok(Self {
            addr,
            stop,
            thread: Some(thread),
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accepting thread: it is waiting for a connection.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(500));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// How long a connection thread with nothing to do waits for another connection before it
/// ends. Threads are kept between connections, so that a room voting at once in every round
/// does not start a thread for every vote.
const IDLE: Duration = Duration::from_secs(30);

/// Connections waiting for a thread, and the threads waiting for a connection.
#[derive(Default)]
struct Queue {
    waiting: std::collections::VecDeque<TcpStream>,
    idle: usize,
    closing: bool,
}

/// The connection threads: started as connections come, kept while there is work.
struct Pool {
    queue: Mutex<Queue>,
    ready: Condvar,
}

impl Pool {
    fn queue(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn accept_loop(listener: &TcpListener, shared: &Arc<Shared>, stop: &AtomicBool) {
    let active = Arc::new(AtomicUsize::new(0));
    let limiter = Arc::new(Mutex::new(Limiter::default()));
    let pool = Arc::new(Pool {
        queue: Mutex::new(Queue::default()),
        ready: Condvar::new(),
    });
    for conn in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(mut stream) = conn else { continue };
        let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
        let _ = stream.set_write_timeout(Some(READ_TIMEOUT));
        let _ = stream.set_nodelay(true);
        if active.load(Ordering::SeqCst) >= MOST_CONNECTIONS {
            let _ = Response::text(503, "Too many phones at once: try again in a moment.")
                .with("Retry-After", "1".into())
                .write_to(&mut stream, false);
            continue;
        }
        active.fetch_add(1, Ordering::SeqCst);
        let mut q = pool.queue();
        q.waiting.push_back(stream);
        if q.idle >= q.waiting.len() {
            drop(q);
            pool.ready.notify_one();
            continue;
        }
        drop(q);
        let (shared, active_here, limiter, pool_here) = (
            Arc::clone(shared),
            Arc::clone(&active),
            Arc::clone(&limiter),
            Arc::clone(&pool),
        );
        let spawned = std::thread::Builder::new()
            .name("coprod-phone".into())
            .stack_size(256 * 1024)
            .spawn(move || connections(&pool_here, &shared, &limiter, &active_here));
        if spawned.is_err() {
            // No thread for it: the connection is dropped, and the phone tries again.
            if pool.queue().waiting.pop_back().is_some() {
                active.fetch_sub(1, Ordering::SeqCst);
            }
        }
    }
    pool.queue().closing = true;
    pool.ready.notify_all();
}

/// One connection thread: answers connections from the queue until none has come for
/// [`IDLE`], or the server stops.
fn connections(pool: &Pool, shared: &Shared, limiter: &Mutex<Limiter>, active: &AtomicUsize) {
    loop {
        let mut stream = {
            let mut q = pool.queue();
            let mut timed_out = false;
            loop {
                if let Some(s) = q.waiting.pop_front() {
                    break s;
                }
                if timed_out || q.closing {
                    return;
                }
                q.idle += 1;
                let (back, wait) = pool
                    .ready
                    .wait_timeout(q, IDLE)
                    .unwrap_or_else(PoisonError::into_inner);
                q = back;
                q.idle -= 1;
                timed_out = wait.timed_out();
            }
        };
        serve(&mut stream, shared, limiter);
        drop(stream);
        active.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Answers one connection: reads a request, answers it, closes.
fn serve(stream: &mut TcpStream, shared: &Shared, limiter: &Mutex<Limiter>) {
    let peer = stream.peer_addr().map(|a| a.ip()).ok();
    let deadline = Instant::now() + http::REQUEST_DEADLINE;
    let response = match http::read_request(stream, deadline) {
        Ok(req) => {
            let head = req.method == Method::Head;
            let r = route(&req, shared, peer, limiter);
            let _ = r.write_to(stream, head);
            let _ = stream.flush();
            return;
        }
        Err(http::HttpError::Timeout) => return,
        Err(e) => {
            let (status, why) = e.status();
            Response::text(status, why)
        }
    };
    let _ = response.write_to(stream, false);
}

/// Counts wrong join codes per address for a minute, and votes per phone for ten seconds (in
/// memory only, never written).
#[derive(Default)]
struct Limiter {
    wrong: HashMap<IpAddr, (Instant, u32)>,
    votes: HashMap<String, (Instant, u32)>,
}

impl Limiter {
    fn blocked(&mut self, ip: Option<IpAddr>) -> bool {
        let Some(ip) = ip else { return false };
        let now = Instant::now();
        match self.wrong.get(&ip) {
            Some((since, n)) if now.duration_since(*since) < Duration::from_secs(60) => {
                *n >= WRONG_CODES_PER_MINUTE
            }
            _ => false,
        }
    }

    /// Counts a vote from the phone with `token`; `true` when it has sent too many.
    fn too_many_votes(&mut self, token: &str) -> bool {
        if self.votes.len() > 10_000 {
            self.votes.clear();
        }
        let now = Instant::now();
        let entry = self.votes.entry(token.to_string()).or_insert((now, 0));
        if now.duration_since(entry.0) >= Duration::from_secs(10) {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1 > VOTES_PER_TEN_SECONDS
    }

    fn wrong_code(&mut self, ip: Option<IpAddr>) {
        let Some(ip) = ip else { return };
        if self.wrong.len() > 10_000 {
            self.wrong.clear();
        }
        let now = Instant::now();
        let entry = self.wrong.entry(ip).or_insert((now, 0));
        if now.duration_since(entry.0) >= Duration::from_secs(60) {
            *entry = (now, 0);
        }
        entry.1 += 1;
    }
}

fn ballot(shared: &Shared) -> MutexGuard<'_, Ballot> {
    shared.ballot.lock().unwrap_or_else(PoisonError::into_inner)
}

fn wants_json(req: &Request) -> bool {
    req.header("accept")
        .is_some_and(|a| a.contains("application/json"))
}

/// Whether a form came from this server's own pages: an `Origin` header, when it names a site,
/// must name the host the request was sent to. (The phone's form key is what refuses a forged
/// vote; this refuses a form sent from another site before anything is read.)
fn same_origin(req: &Request) -> bool {
    match (req.header("origin"), req.header("host")) {
        // Browsers send "null" from pages that send no referrer; the form key still holds.
        (None | Some("null"), _) => true,
        (Some(origin), Some(host)) => {
            origin.strip_prefix("http://").unwrap_or("") == host
                || origin.strip_prefix("https://").unwrap_or("") == host
        }
        (Some(_), None) => false,
    }
}

fn route(
    req: &Request,
    shared: &Shared,
    peer: Option<IpAddr>,
    limiter: &Mutex<Limiter>,
) -> Response {
    let get = matches!(req.method, Method::Get | Method::Head);
    let post = req.method == Method::Post;
    if post && !same_origin(req) {
        return Response::text(403, &shared.words(0).get("phone-other-site"));
    }
    let token = req.cookie(COOKIE).filter(|t| t.len() <= 64);
    match (req.path.as_str(), get, post) {
        ("/style.css", true, _) => Response::new(200, "text/css; charset=utf-8", pages::CSS),
        ("/app.js", true, _) => Response::new(200, "text/javascript; charset=utf-8", pages::JS),
        ("/", true, _) => {
            if token.is_some_and(|t| ballot(shared).phone(t).is_some()) {
                return Response::redirect("/vote");
            }
            let fields = req.query_fields();
            let code = field(&fields, "code").unwrap_or("");
            let code: String = code.chars().take(20).collect();
            let groups = ballot(shared).groups.clone();
            Response::html(
                200,
                pages::join(shared.words(0), &code, &groups, &shared.group_names, None),
            )
        }
        ("/join", _, true) => join(req, shared, peer, limiter),
        ("/vote", true, _) => vote_page(req, shared, token, None, 200),
        ("/vote", _, true) => {
            let too_many = token.is_some_and(|t| {
                limiter
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .too_many_votes(t)
            });
            if too_many {
                let w = words_for(shared, token);
                let why = w.get("phone-too-many-votes");
                return if wants_json(req) {
                    Response::json(429, &json!({ "saved": false, "message": why }))
                } else {
                    let title = w.get("phone-too-many-votes-title");
                    Response::html(429, pages::problem(w, &title, &why))
                }
                .with("Retry-After", "10".into());
            }
            vote(req, shared, token)
        }
        ("/round", true, _) => {
            let b = ballot(shared);
            if token.and_then(|t| b.phone(t)).is_none() {
                let out = token.is_some_and(|t| b.was_put_out(t));
                return Response::json(
                    403,
                    &json!({"round": null, "joined": false, "put_out": out}),
                );
            }
            let round = b.round().map(|r| r.number);
            Response::json(200, &json!({ "round": round, "joined": true }))
        }
        ("/language", _, true) => {
            let form = req.form();
            let mut b = ballot(shared);
            let Some(t) = token.filter(|t| {
                b.phone(t)
                    .is_some_and(|p| Some(p.key.as_str()) == field(&form, "k"))
            }) else {
                return Response::redirect("/");
            };
            let wanted = field(&form, "l").and_then(|l| l.parse::<usize>().ok());
            if let Some(l) = wanted.filter(|l| *l < shared.frameworks.len()) {
                b.set_language(t, l);
            }
            Response::redirect("/vote")
        }
        ("/" | "/join" | "/vote" | "/round" | "/language" | "/style.css" | "/app.js", _, _) => {
            Response::text(405, &shared.words(0).get("phone-wrong-method"))
                .with("Allow", "GET, HEAD, POST".into())
        }
        _ => {
            let w = shared.words(0);
            Response::html(
                404,
                pages::problem(w, &w.get("phone-not-here-title"), &w.get("phone-not-here")),
            )
        }
    }
}

/// coprod's words for the phone with `token`, in the language its page shows the questions in
/// (the session's for a phone that has not joined). Takes the ballot's lock for a moment: never
/// call it while holding that lock.
fn words_for<'a>(shared: &'a Shared, token: Option<&str>) -> &'a crate::catalog::Catalog {
    let language = token
        .and_then(|t| ballot(shared).phone(t).map(|p| p.language))
        .unwrap_or(0);
    shared.words(language)
}

fn join(
    req: &Request,
    shared: &Shared,
    peer: Option<IpAddr>,
    limiter: &Mutex<Limiter>,
) -> Response {
    let mut lim = limiter.lock().unwrap_or_else(PoisonError::into_inner);
    let w = shared.words(0);
    if lim.blocked(peer) {
        return Response::html(
            429,
            pages::problem(
                w,
                &w.get("phone-too-many-tries-title"),
                &w.get("phone-too-many-tries"),
            ),
        )
        .with("Retry-After", "60".into());
    }
    let form = req.form();
    let code = field(&form, "code").unwrap_or("");
    let group = field(&form, "group");
    let token = random_hex(16);
    let key = random_hex(16);
    let mut b = ballot(shared);
    match b.join(code, group, token.clone(), key) {
        Ok(()) => Response::redirect("/vote").with(
            "Set-Cookie",
            format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"),
        ),
        Err(e) => {
            let groups = b.groups.clone();
            drop(b);
            let (status, why) = match e {
                JoinError::WrongCode => {
                    lim.wrong_code(peer);
                    (403, "phone-wrong-code")
                }
                JoinError::UnknownGroup => (400, "phone-unknown-group"),
                JoinError::Full => (503, "phone-full"),
            };
            let typed: String = code.chars().take(20).collect();
            Response::html(
                status,
                pages::join(w, &typed, &groups, &shared.group_names, Some(&w.get(why))),
            )
        }
    }
}

fn vote_page(
    req: &Request,
    shared: &Shared,
    token: Option<&str>,
    notice: Option<Notice>,
    status: u16,
) -> Response {
    let b = ballot(shared);
    let Some((token, phone)) = token.and_then(|t| b.phone(t).map(|p| (t, p))) else {
        if token.is_some_and(|t| b.was_put_out(t)) {
            return Response::html(200, pages::put_out(shared.words(0)));
        }
        return Response::redirect("/");
    };
    let language = phone
        .language
        .min(shared.frameworks.len().saturating_sub(1));
    let Some(framework) = shared.frameworks.get(language) else {
        return Response::text(503, "The vote has no framework.");
    };
    let words = shared.words(language);
    let mine = b.vote_of(token);
    let notice = notice.or_else(|| {
        let fields = req.query_fields();
        (field(&fields, "saved") == Some("1"))
            .then(|| mine.map(|m| Notice::Saved(pages::pick_words(words, framework, m))))
            .flatten()
    });
    let html = pages::vote(&VotePage {
        framework,
        words,
        languages: &shared.languages,
        language,
        round: b.round().map(|r| (r.number, r.indicator)),
        mine,
        key: &phone.key,
        number: phone.number,
        group: phone.group.as_deref(),
        group_names: &shared.group_names,
        notice,
    });
    Response::html(status, html)
}

fn vote(req: &Request, shared: &Shared, token: Option<&str>) -> Response {
    let json = wants_json(req);
    let form = req.form();
    let key = field(&form, "k").unwrap_or("");
    let round = field(&form, "r").and_then(|r| r.parse::<u64>().ok());
    let pick = field(&form, "choice").and_then(Pick::parse);
    // Said in the phone's language: `why` is a message id of the catalogs.
    let refuse = |status: u16, why: &str| {
        let why = words_for(shared, token).get(why);
        let why = why.as_str();
        if json {
            Response::json(status, &json!({ "saved": false, "message": why }))
        } else {
            vote_page(
                req,
                shared,
                token,
                Some(Notice::Refused(why.to_string())),
                status,
            )
        }
    };
    let Some(token) = token else {
        return if json {
            refuse(403, "phone-not-joined")
        } else {
            Response::redirect("/")
        };
    };
    let (Some(round), Some(pick)) = (round, pick) else {
        return refuse(400, "phone-not-understood");
    };
    let mut b = ballot(shared);
    let change = match b.vote(token, key, round, pick) {
        Ok(c) => c,
        Err(e) => {
            drop(b);
            return match e {
                VoteError::NotJoined if !json => Response::redirect("/"),
                VoteError::PutOut if !json => Response::redirect("/vote"),
                VoteError::PutOut => refuse(403, "phone-put-out"),
                VoteError::NotJoined => refuse(403, "phone-not-joined"),
                VoteError::WrongKey => refuse(403, "phone-wrong-key"),
                VoteError::Closed => refuse(409, "phone-closed"),
                VoteError::NotOnScale => refuse(400, "phone-not-on-scale"),
            };
        }
    };
    // The screen saves it at once; the phone is told "saved" only once the record on disk
    // has it.
    shared.arrived.notify_all();
    let (b, _) = shared
        .saved
        .wait_timeout_while(b, SAVE_WAIT, |b| b.saved < change)
        .unwrap_or_else(PoisonError::into_inner);
    let saved = b.saved >= change;
    let language = b
        .phone(token)
        .map_or(0, |p| p.language)
        .min(shared.frameworks.len().saturating_sub(1));
    drop(b);
    if !saved {
        return refuse(503, "phone-not-saved-yet");
    }
    let w = shared.words(language);
    let words = shared
        .frameworks
        .get(language)
        .map_or_else(|| pick.value(), |f| pages::pick_words(w, f, pick));
    if json {
        Response::json(
            200,
            &json!({
                "saved": true,
                "message": w.format("phone-saved", &[("what", words.into())]),
            }),
        )
    } else {
        Response::redirect("/vote?saved=1")
    }
}
