// Improves the phone pages; everything works without it. With it: a vote is sent without
// reloading the page and sent again, for as long as it takes, if the network drops (a vote is
// only "saved" once the laptop says it is in the record), and the page follows the
// facilitator to the next round.
(function () {
  "use strict";
  var form = document.getElementById("vote");
  var status = document.getElementById("status");
  var round = form ? form.getAttribute("data-round") : "";

  // The page's own words for what the script says, in the page's language (the form carries
  // them); English if a page lacks one.
  function words(name, english) {
    return (form && form.getAttribute("data-" + name)) || english;
  }

  function say(text, kind) {
    if (!status) { return; }
    var p = document.createElement("p");
    p.className = kind;
    p.textContent = text;
    status.textContent = "";
    status.appendChild(p);
  }

  // The choice being sent: only the latest press counts, so an older one still being retried
  // is dropped when another is pressed. A vote is sent until the laptop says it is saved (or
  // refuses it): the server keeps one vote per phone, so sending it twice counts it once.
  var latest = 0;
  var waiting = null;

  function send(body, button) {
    latest += 1;
    if (waiting) { clearTimeout(waiting.timer); waiting = null; }
    attempt(body, button, latest, 0);
  }

  function attempt(body, button, mine, tries) {
    if (mine !== latest) { return; }
    waiting = null;
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/vote");
    xhr.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.timeout = 8000;
    xhr.onload = function () {
      if (mine !== latest) { return; }
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
      if (xhr.status === 200 && answer && answer.saved) {
        var picks = form.querySelectorAll("button.pick");
        for (var i = 0; i < picks.length; i++) {
          picks[i].setAttribute("aria-pressed", picks[i] === button ? "true" : "false");
        }
        say(answer.message, "saved");
      } else if (xhr.status >= 500 || xhr.status === 429 || xhr.status === 0) {
        var wait = parseInt(xhr.getResponseHeader("Retry-After") || "", 10);
        again(body, button, mine, tries, wait > 0 ? wait * 1000 : 0);
      } else {
        say(answer && answer.message ? answer.message
          : words("not-taken", "Your vote was not taken. Please try again."), "error");
      }
    };
    xhr.onerror = xhr.ontimeout = function () {
      if (mine === latest) { again(body, button, mine, tries, 0); }
    };
    xhr.send(body);
  }

  function again(body, button, mine, tries, wait) {
    say(tries < 10
      ? words("retrying", "Not sent yet \u2014 trying again\u2026")
      : words("retrying-long",
        "Not sent yet \u2014 check this phone is on the room's network. Trying again\u2026"), "pending");
    var delay = wait || Math.min(1000 * (tries + 1), 5000);
    waiting = {
      timer: setTimeout(function () { attempt(body, button, mine, tries + 1); }, delay),
      retry: function () { attempt(body, button, mine, tries + 1); }
    };
  }

  // Back on the network: send at once rather than at the next try.
  window.addEventListener("online", function () {
    if (waiting) { clearTimeout(waiting.timer); waiting.retry(); }
  });

  if (form && window.XMLHttpRequest && window.URLSearchParams) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter || document.activeElement;
      if (!button || button.name !== "choice") { return; }
      event.preventDefault();
      var body = new URLSearchParams();
      body.append("k", form.elements.k.value);
      body.append("r", form.elements.r.value);
      body.append("choice", button.value);
      say(words("sending", "Sending\u2026"), "pending");
      send(body.toString(), button);
    });
  }

  // Follow the facilitator: when a round opens or closes, load the page for it.
  function poll() {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", "/round");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.timeout = 5000;
    xhr.onload = function () {
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
      // A phone put out (or every phone, with a new code) loads the page that says so.
      if (answer && (answer.joined === false ||
          String(answer.round === null ? "" : answer.round) !== round)) {
        window.location.replace("/vote");
        return;
      }
      setTimeout(poll, 2000);
    };
    xhr.onerror = xhr.ontimeout = function () { setTimeout(poll, 4000); };
    xhr.send();
  }
  if (window.XMLHttpRequest) { setTimeout(poll, 2000); }
})();
