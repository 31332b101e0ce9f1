package dashboard_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"emma/app/apptest"
)

// slowExpression factors the product of two 19-digit primes, which takes
// Pollard's rho far longer than the test waits, so the job is still
// running when it is cancelled.
const slowExpression = "factor(1000000000000000003*1000000000000000009)"

// recordSockets makes the page keep every WebSocket it opens in
// window.sockets. The dashboard looks WebSocket up when it connects, so
// wrapping it after the page loaded is early enough.
const recordSockets = `(() => {
  window.sockets = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      window.sockets.push(this);
    }
  };
  return true;
})()`

// cardAt reads the state of the job card at position.
const cardAt = `((position) => {
  const card = document.querySelector('#jobs .job[data-position="' + position + '"]');
  return {
    badge: card.querySelector(".badge").textContent,
    cancelHidden: card.querySelector(".cancel").hidden,
    progressHidden: card.querySelector(".job-progress").hidden,
    errorCode: card.querySelector(".job-error").hidden ? "" : card.querySelector(".error-code").textContent,
  };
})`

// TestDashboardLiveFeed runs two slow jobs: the first is cancelled with its
// button, the second through the API after the socket was dropped, so only
// the reconnected socket can bring its new state.
func TestDashboardLiveFeed(t *testing.T) {
	ctx := newTab(t)
	// The job timeout ends the computations even if the cancel fails.
	srv := apptest.Start(t, apptest.Options{Env: map[string]string{"EMMA_JOB_TIMEOUT_SECONDS": "20"}})
	register(t, ctx, srv.URL, "live-feed@example.com", "Live feed")
	eval[bool](t, ctx, recordSockets)
	do(t, ctx, "submit two slow expressions",
		chromedp.Click(chromedp.ID("tab-expressions")),
		chromedp.SetValue(chromedp.ID("input-expressions"), strings.Repeat(slowExpression+"\n", 2)),
		chromedp.Click(chromedp.ID("submit-expressions")),
		chromedp.WaitVisible(chromedp.CSS(`#jobs .job[data-status="running"] .job-progress`)),
	)
	saveScreenshot(t, ctx)

	eval[bool](t, ctx, `(window.sockets[0].close(), true)`)
	waitFor[bool](t, ctx, "second socket", `window.sockets.length === 2 &&
	  window.sockets[1].readyState === WebSocket.OPEN &&
	  document.querySelector("#live-state").dataset.state === "live"`)
	sameTicket := eval[bool](t, ctx, `(() => {
	  const ticket = (s) => new URL(s.url).searchParams.get("ticket");
	  return ticket(window.sockets[0]) === ticket(window.sockets[1]);
	})()`)
	if sameTicket {
		t.Error("reconnect reused the first ticket, want a fresh one")
	}

	status := eval[int](t, ctx, `fetch("/api/v1/jobs/" +
	  document.querySelector('#jobs .job[data-position="1"]').dataset.jobId + "/cancel",
	  {method: "POST", headers: {"Content-Type": "application/json"}, body: "{}"}).then((r) => r.status)`)
	if status != 200 {
		t.Fatalf("cancel through the API: got status %d, want 200", status)
	}
	waitFor[bool](t, ctx, "second job cancelled over the socket",
		`document.querySelector('#jobs .job[data-position="1"][data-status="cancelled"]') !== null`)

	do(t, ctx, "cancel the first job with its button",
		chromedp.Click(chromedp.CSS(`#jobs .job[data-position="0"] .cancel`)),
		chromedp.WaitVisible(chromedp.CSS(`#jobs .job[data-position="0"][data-status="cancelled"]`)),
	)
	for _, position := range []string{"0", "1"} {
		got := eval[map[string]any](t, ctx, cardAt+"("+position+")")
		if got["badge"] != "cancelled" {
			t.Errorf("job %s badge: got %q, want %q", position, got["badge"], "cancelled")
		}
		if got["cancelHidden"] != true {
			t.Errorf("job %s Cancel button: got visible, want hidden", position)
		}
		if got["progressHidden"] != true {
			t.Errorf("job %s progress bar: got visible, want hidden", position)
		}
		if got["errorCode"] != "cancelled" {
			t.Errorf("job %s error code: got %q, want %q", position, got["errorCode"], "cancelled")
		}
	}
	waitFor[bool](t, ctx, "socket closed after the last job ended",
		`window.sockets[1].readyState === WebSocket.CLOSED && window.sockets.length === 2`)
}
