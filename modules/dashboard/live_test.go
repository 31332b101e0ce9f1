package dashboard_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"emma/app/apptest"
)

// slowExpression factors the product of two 19-digit primes, which takes
// Pollard's rho far longer than the test waits, so the job is still
// running when it is cancelled.
const slowExpression = "factor(1000000000000000003*1000000000000000009)"

// startSlowJob signs up, runs the script setup in the dashboard (unless
// it is empty), submits slowExpression and waits until its job runs.
func startSlowJob(t *testing.T, ctx context.Context, email, setup string) {
	t.Helper()
	// The job timeout ends the computation even if the cancel fails.
	srv := apptest.Start(t, apptest.Options{Env: map[string]string{"EMMA_JOB_TIMEOUT_SECONDS": "20"}})
	register(t, ctx, srv.URL, email, "Slow")
	if setup != "" {
		eval[bool](t, ctx, setup)
	}
	do(t, ctx, "submit a slow expression",
		chromedp.Click(chromedp.ID("tab-expressions")),
		chromedp.SetValue(chromedp.ID("input-expressions"), slowExpression),
		chromedp.Click(chromedp.ID("submit-expressions")),
		chromedp.WaitVisible(chromedp.CSS(`#jobs .job[data-status="running"] .job-progress`)),
	)
}

func TestDashboardCancelsRunningJob(t *testing.T) {
	ctx := newTab(t)
	startSlowJob(t, ctx, "cancel@example.com", "")
	saveScreenshot(t, ctx)
	do(t, ctx, "cancel the job",
		chromedp.Click(chromedp.CSS(`#jobs .job .cancel`)),
		chromedp.WaitVisible(chromedp.CSS(`#jobs .job[data-status="cancelled"]`)),
	)

	state := eval[map[string]any](t, ctx, `(() => {
	  const card = document.querySelector("#jobs .job");
	  return {
	    badge: card.querySelector(".badge").textContent,
	    cancelHidden: card.querySelector(".cancel").hidden,
	    progressHidden: card.querySelector(".job-progress").hidden,
	    errorCode: card.querySelector(".job-error").hidden ? "" : card.querySelector(".error-code").textContent,
	  };
	})()`)
	if state["badge"] != "cancelled" {
		t.Errorf("badge: got %q, want %q", state["badge"], "cancelled")
	}
	if state["cancelHidden"] != true {
		t.Error("Cancel button: got visible, want hidden")
	}
	if state["progressHidden"] != true {
		t.Error("progress bar: got visible, want hidden")
	}
	if state["errorCode"] != "cancelled" {
		t.Errorf("error code: got %q, want %q", state["errorCode"], "cancelled")
	}
}

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

func TestDashboardReconnectsLiveFeed(t *testing.T) {
	ctx := newTab(t)
	startSlowJob(t, ctx, "reconnect@example.com", recordSockets)

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

	// Cancelling through the API, not the button, leaves the socket as the
	// only way for the card to learn about it.
	status := eval[int](t, ctx, `fetch("/api/v1/jobs/" + document.querySelector("#jobs .job").dataset.jobId + "/cancel",
	  {method: "POST", headers: {"Content-Type": "application/json"}, body: "{}"}).then((r) => r.status)`)
	if status != 200 {
		t.Fatalf("cancel through the API: got status %d, want 200", status)
	}
	waitFor[bool](t, ctx, "cancelled state over the socket",
		`document.querySelector('#jobs .job[data-status="cancelled"]') !== null`)
	waitFor[bool](t, ctx, "socket closed after the last update",
		`window.sockets[1].readyState === WebSocket.CLOSED && window.sockets.length === 2`)
}
