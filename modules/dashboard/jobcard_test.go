package dashboard_test

import (
	"encoding/json"
	"testing"
	"time"

	"emma/app/apptest"
	"emma/modules/group"
)

// renderJobs applies jobs in order to a fresh JobList of the page's
// script, for group 7, and returns what the list shows.
const renderJobs = `(async (jobs) => {
  const { JobList } = await import("/static/jobs.js");
  const list = document.createElement("ol");
  const view = new JobList(list, document.querySelector("#job-template"), () => {});
  view.reset({ id: 7, kind: "pair", a: "1", b: "2", jobs: [] });
  jobs.forEach((job) => view.apply(job));
  const card = list.querySelector(".job");
  if (!card) return { cards: 0 };
  const visibleText = (sel) => (card.querySelector(sel).hidden ? "" : card.querySelector(sel).textContent);
  return {
    cards: list.children.length,
    status: card.dataset.status,
    formula: card.querySelector(".job-formula").textContent,
    approximate: !card.querySelector(".approx-mark").hidden,
    exact: visibleText(".exact"),
    progress: card.querySelector(".job-progress").hidden ? "" :
      card.querySelector(".progress-bar").value + " " + card.querySelector(".progress-text").textContent,
    error: visibleText(".job-error"),
    cancel: !card.querySelector(".cancel").hidden,
    insight: visibleText(".insight-text"),
    source: visibleText(".insight-source"),
    note: visibleText(".insight-note"),
    elements: [".job-formula", ".result", ".error-message", ".insight-text", ".insight-note"]
      .reduce((n, sel) => n + card.querySelector(sel).childElementCount, 0),
  };
})`

// cardState is what renderJobs returns.
type cardState struct {
	Cards       int    `json:"cards"`
	Status      string `json:"status"`
	Formula     string `json:"formula"`
	Approximate bool   `json:"approximate"`
	Exact       string `json:"exact"`
	Progress    string `json:"progress"`
	Error       string `json:"error"`
	Cancel      bool   `json:"cancel"`
	Insight     string `json:"insight"`
	Source      string `json:"source"`
	Note        string `json:"note"`
	Elements    int    `json:"elements"`
}

var base = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// newJob returns job 1 of group 7, an addition, in status at time at.
func newJob(status string, at time.Time) group.JobView {
	return group.JobView{ID: 1, GroupID: 7, Operation: group.OpAdd, Status: status,
		Insight: group.InsightView{Status: group.InsightNone}, UpdatedAt: at}
}

func ptr[T any](v T) *T { return &v }

func TestJobListRendersJobs(t *testing.T) {
	completed := newJob(group.StatusCompleted, base.Add(2*time.Microsecond))
	completed.Result = ptr("3")
	running := newJob(group.StatusRunning, base.Add(time.Microsecond))
	running.Progress = &group.ProgressView{Percent: 42.4, Phase: "sieve"}
	otherGroup := newJob(group.StatusQueued, base)
	otherGroup.GroupID = 8
	// The older state is written in +01:00, so as text it sorts after the
	// newer one, written in UTC.
	newer := newJob(group.StatusCompleted, base.Add(500*time.Millisecond))
	newer.Result = ptr("3")
	olderInPlusOne := newJob(group.StatusRunning, base.Add(400*time.Millisecond).In(time.FixedZone("+01:00", 3600)))
	markup := newJob(group.StatusCompleted, base)
	markup.Operation, markup.Expression, markup.Result = group.OpExpression, ptr("<b>1</b>+2"), ptr("3")
	markup.Insight = group.InsightView{Status: group.InsightCompleted, Text: ptr("<i>3</i> is prime"),
		Source: ptr("test-model"), Note: ptr("<u>note</u>")}
	third := newJob(group.StatusCompleted, base)
	third.Result, third.Exact, third.Approximate = ptr("0.333"), ptr("1/3"), true
	half := newJob(group.StatusCompleted, base)
	half.Result, half.Exact = ptr("0.5"), ptr("0.5")
	failed := newJob(group.StatusFailed, base)
	failed.Error = &group.ErrorView{Code: "division_by_zero", Message: "division by zero"}
	facts := newJob(group.StatusCompleted, base)
	facts.Result = ptr("3")
	facts.Insight = group.InsightView{Status: group.InsightCompleted, Text: ptr("3 is prime"), Source: ptr("facts")}

	tests := []struct {
		name string
		jobs []group.JobView
		want cardState
	}{
		{"newer state replaces older", []group.JobView{running, completed},
			cardState{Cards: 1, Status: "completed", Formula: "1 + 2"}},
		{"older state one microsecond behind is ignored", []group.JobView{completed, running},
			cardState{Cards: 1, Status: "completed", Formula: "1 + 2"}},
		{"offsets compared as instants", []group.JobView{newer, olderInPlusOne},
			cardState{Cards: 1, Status: "completed", Formula: "1 + 2"}},
		{"running shows progress", []group.JobView{running},
			cardState{Cards: 1, Status: "running", Formula: "1 + 2", Progress: "42.4 sieve · 42%", Cancel: true}},
		{"other group is ignored", []group.JobView{otherGroup}, cardState{}},
		{"markup stays text", []group.JobView{markup},
			cardState{Cards: 1, Status: "completed", Formula: "<b>1</b>+2", Insight: "<i>3</i> is prime",
				Source: "written by test-model", Note: "<u>note</u>"}},
		{"insight from facts", []group.JobView{facts},
			cardState{Cards: 1, Status: "completed", Formula: "1 + 2", Insight: "3 is prime", Source: "from computed facts"}},
		{"repeating decimal shows fraction", []group.JobView{third},
			cardState{Cards: 1, Status: "completed", Formula: "1 + 2", Approximate: true, Exact: "Exact: 1/3"}},
		{"terminating decimal hides exact", []group.JobView{half},
			cardState{Cards: 1, Status: "completed", Formula: "1 + 2"}},
		{"failure shows code and message", []group.JobView{failed},
			cardState{Cards: 1, Status: "failed", Formula: "1 + 2", Error: "division_by_zero division by zero"}},
	}

	ctx := newTab(t)
	srv := apptest.Start(t, apptest.Options{})
	register(t, ctx, srv.URL, "cards@example.com", "Cards")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arg, err := json.Marshal(tt.jobs)
			if err != nil {
				t.Fatalf("encode jobs: %v", err)
			}
			got := eval[cardState](t, ctx, renderJobs+"("+string(arg)+")")
			if got != tt.want {
				t.Errorf("card:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
