package dashboard_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"emma/app/apptest"
)

// slowExpression factors the product of two 19-digit primes, which takes
// Pollard's rho far longer than the test waits, so the job is still
// running when it is cancelled.
const slowExpression = "factor(1000000000000000003*1000000000000000009)"

func TestDashboardCancelsRunningJob(t *testing.T) {
	ctx := newTab(t)
	// The job timeout ends the computation even if the cancel fails.
	srv := apptest.Start(t, apptest.Options{Env: map[string]string{"EMMA_JOB_TIMEOUT_SECONDS": "20"}})
	register(t, ctx, srv.URL, "cancel@example.com", "Cancel")

	do(t, ctx, "submit a slow expression",
		chromedp.Click(chromedp.ID("tab-expressions")),
		chromedp.SetValue(chromedp.ID("input-expressions"), slowExpression),
		chromedp.Click(chromedp.ID("submit-expressions")),
		chromedp.WaitVisible(chromedp.CSS(`#jobs .job[data-status="running"] .job-progress`)),
	)
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
