package dashboard_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"emma/app/apptest"
)

// submitInPage posts an expression group with the page's fetch and
// returns its id.
func submitInPage(t *testing.T, ctx context.Context, expr string) int64 {
	t.Helper()
	js := fmt.Sprintf(`fetch("/api/v1/groups", {method: "POST",
	  headers: {"Content-Type": "application/json"},
	  body: JSON.stringify({expressions: [%q]})}).then((r) => r.json()).then((g) => g.id)`, expr)
	return eval[int64](t, ctx, js)
}

func TestDashboardHistory(t *testing.T) {
	ctx := newTab(t)
	srv := apptest.Start(t, apptest.Options{})
	register(t, ctx, srv.URL, "history@example.com", "History")

	// One more group than a history page holds, oldest first.
	var ids []int64
	for i := range 11 {
		ids = append(ids, submitInPage(t, ctx, fmt.Sprintf("%d+1", i)))
	}
	do(t, ctx, "open the dashboard", chromedp.Navigate(srv.URL+"/"))
	waitFor[bool](t, ctx, "first history page", `document.querySelectorAll("#history .history-link").length === 10`)
	do(t, ctx, "load older groups",
		chromedp.Click(chromedp.ID("history-older")),
		chromedp.WaitNotVisible(chromedp.ID("history-older")),
	)
	if n := eval[int](t, ctx, `document.querySelectorAll("#history .history-link").length`); n != 11 {
		t.Errorf("history entries after Older: got %d, want 11", n)
	}

	oldest := ids[0]
	do(t, ctx, "open the oldest group",
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`.history-link[data-group-id="%d"]`, oldest))),
	)
	formula := waitFor[string](t, ctx, "oldest group's job", `document.querySelector("#jobs .job .job-formula")?.textContent`)
	if formula != "0+1" {
		t.Errorf("opened group's expression: got %q, want %q", formula, "0+1")
	}
	wantPath := fmt.Sprintf("/groups/%d", oldest)
	if loc := eval[string](t, ctx, `location.pathname`); loc != wantPath {
		t.Errorf("URL path after opening: got %q, want %q", loc, wantPath)
	}

	do(t, ctx, "go back", chromedp.NavigateBack())
	waitFor[bool](t, ctx, "empty group view", `document.querySelectorAll("#jobs .job").length === 0 && location.pathname === "/"`)

	do(t, ctx, "go forward", chromedp.NavigateForward())
	formula = waitFor[string](t, ctx, "group after forward", `document.querySelector("#jobs .job .job-formula")?.textContent`)
	if formula != "0+1" {
		t.Errorf("expression after forward: got %q, want %q", formula, "0+1")
	}

	do(t, ctx, "load the group URL", chromedp.Navigate(srv.URL+wantPath))
	result := waitFor[string](t, ctx, "result on a loaded group URL",
		`document.querySelector('#jobs .job[data-status="completed"] .result')?.textContent`)
	if result != "1" {
		t.Errorf("result of 0+1: got %q, want %q", result, "1")
	}
}
