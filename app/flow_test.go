package app_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"emma/app/apptest"
	"emma/modules/group"
)

const waitJobs = 30 * time.Second

func byOperation(jobs map[int64]group.JobView) map[string]group.JobView {
	out := map[string]group.JobView{}
	for _, j := range jobs {
		out[j.Operation] = j
	}
	return out
}

func TestPairFlowDeliversResultsLive(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{})
	c := srv.NewClient(t)
	c.Register("ann@example.com")
	g := c.Submit("5", "10")
	if len(g.Jobs) != 4 {
		t.Fatalf("got %d jobs, want 4", len(g.Jobs))
	}
	jobs := byOperation(c.Open(g.ID).WaitUntil(waitJobs, apptest.InsightsDone))
	want := map[string]string{"add": "15", "subtract": "-5", "multiply": "50", "divide": "0.5"}
	for op, result := range want {
		j := jobs[op]
		if j.Status != group.StatusCompleted {
			t.Errorf("%s: got status %s, want completed (error %+v)", op, j.Status, j.Error)
			continue
		}
		if j.Result == nil || *j.Result != result {
			t.Errorf("%s: got result %v, want %s", op, deref(j.Result), result)
		}
		if j.Approximate {
			t.Errorf("%s: got approximate, want exact", op)
		}
		// Without an API key every insight comes from computed facts.
		if j.Insight.Text == nil || *j.Insight.Text == "" || deref(j.Insight.Source) != "facts" {
			t.Errorf("%s: got insight %q from %q, want a facts sentence",
				op, deref(j.Insight.Text), deref(j.Insight.Source))
		}
	}
}

func TestExactDecimalsAndFractions(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{})
	c := srv.NewClient(t)
	c.Register("bo@example.com")

	sum := byOperation(c.Open(c.Submit("0.1", "0.2").ID).WaitFinal(waitJobs))
	if got := deref(sum["add"].Result); got != "0.3" {
		t.Errorf("0.1 + 0.2: got %q, want 0.3", got)
	}

	third := byOperation(c.Open(c.Submit("1", "3").ID).WaitFinal(waitJobs))["divide"]
	if !third.Approximate {
		t.Errorf("1 / 3: got exact, want approximate")
	}
	if got := deref(third.Exact); got != "1/3" {
		t.Errorf("1 / 3: got exact form %q, want 1/3", got)
	}
	if got := deref(third.Result); len(got) < 10 || got[:10] != "0.33333333" {
		t.Errorf("1 / 3: got result %q, want 0.333…", got)
	}
}

func TestDivisionByZeroFailsWithCode(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{})
	c := srv.NewClient(t)
	c.Register("cy@example.com")
	jobs := byOperation(c.Open(c.Submit("7", "0").ID).WaitFinal(waitJobs))
	div := jobs["divide"]
	if div.Status != group.StatusFailed {
		t.Fatalf("divide: got status %s, want failed", div.Status)
	}
	if div.Error == nil || div.Error.Code != "division_by_zero" {
		t.Errorf("divide: got error %+v, want code division_by_zero", div.Error)
	}
	if div.Result != nil {
		t.Errorf("divide: got result %q, want none", *div.Result)
	}
	if got := deref(jobs["add"].Result); got != "7" {
		t.Errorf("add: got %q, want 7", got)
	}
}

func TestOtherUserSeesNotFound(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{})
	owner, other := srv.NewClient(t), srv.NewClient(t)
	owner.Register("owner@example.com")
	other.Register("other@example.com")
	g := owner.Submit("1", "2")

	cases := []struct {
		name, method, path string
	}{
		{"group", http.MethodGet, fmt.Sprintf("/api/v1/groups/%d", g.ID)},
		{"ticket", http.MethodPost, fmt.Sprintf("/api/v1/groups/%d/ticket", g.ID)},
		{"cancel", http.MethodPost, fmt.Sprintf("/api/v1/jobs/%d/cancel", g.Jobs[0].ID)},
		{"missing group", http.MethodGet, "/api/v1/groups/999999"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body := other.Do(tc.method, tc.path, struct{}{})
			if status != http.StatusNotFound {
				t.Errorf("got status %d, want 404; body %s", status, body)
			}
		})
	}
	var list struct {
		Groups []group.GroupView `json:"groups"`
	}
	other.JSON(http.MethodGet, "/api/v1/groups", nil, http.StatusOK, &list)
	if len(list.Groups) != 0 {
		t.Errorf("other user's history: got %d groups, want 0", len(list.Groups))
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestListCutsLongResults(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{})
	c := srv.NewClient(t)
	c.Register("long@example.com")
	g := c.SubmitExpressions("2^1000", "factor(2^64 - 1)")
	c.Open(g.ID).WaitFinal(waitJobs)

	var page struct {
		Groups []group.GroupView `json:"groups"`
	}
	c.JSON(http.MethodGet, "/api/v1/groups", nil, http.StatusOK, &page)
	if len(page.Groups) != 1 {
		t.Fatalf("got %d groups, want 1", len(page.Groups))
	}
	listed := page.Groups[0].Jobs[0]
	if !listed.ResultTruncated {
		t.Error("2^1000 in the list: got result_truncated false, want true")
	}
	if got := []rune(deref(listed.Result)); len(got) != group.ListResultLength+1 || got[len(got)-1] != '…' {
		t.Errorf("2^1000 in the list: got %d characters, want %d and a final …", len(got), group.ListResultLength+1)
	}
	full := c.Group(g.ID).Jobs[0]
	if full.ResultTruncated || len(deref(full.Result)) != 302 {
		t.Errorf("2^1000 in the group: got %d digits, truncated %t; want all 302", len(deref(full.Result)), full.ResultTruncated)
	}
	if f := c.Group(g.ID).Jobs[1]; deref(f.Result) != "3 × 5 × 17 × 257 × 641 × 65537 × 6700417" {
		t.Errorf("factor(2^64 - 1): got %q", deref(f.Result))
	}
}
