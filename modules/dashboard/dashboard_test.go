package dashboard_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"emma/app/apptest"
	"emma/modules/pgserver/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// jobsByOperation returns, once every job card is final, each card's
// operation (or expression) mapped to its status and result text.
const jobsByOperation = `(() => {
  const cards = [...document.querySelectorAll("#jobs .job")];
  const final = ["completed", "failed", "cancelled"];
  if (cards.length === 0 || cards.some((c) => !final.includes(c.dataset.status))) return null;
  return Object.fromEntries(cards.map((c) => [
    c.dataset.operation === "expression" ? c.querySelector(".job-formula").textContent : c.dataset.operation,
    c.dataset.status + " " + c.querySelector(".result").textContent,
  ]));
})()`

func TestDashboardShowsLiveResults(t *testing.T) {
	ctx := newTab(t)
	srv := apptest.Start(t, apptest.Options{})
	register(t, ctx, srv.URL, "live@example.com", "Ada <Live>")

	if got := eval[string](t, ctx, `document.querySelector("#user-name").textContent`); got != "Ada <Live>" {
		t.Errorf("header user name: got %q, want %q", got, "Ada <Live>")
	}
	eval[int](t, ctx, `window.__noReload = 1`)
	do(t, ctx, "submit a=5 b=10",
		chromedp.SendKeys(chromedp.ID("input-a"), "5"),
		chromedp.SendKeys(chromedp.ID("input-b"), "10"),
		chromedp.Click(chromedp.ID("submit-pair")),
	)
	got := waitFor[map[string]string](t, ctx, "four final jobs", jobsByOperation)
	want := map[string]string{
		"add": "completed 15", "subtract": "completed -5",
		"multiply": "completed 50", "divide": "completed 0.5",
	}
	for op, w := range want {
		if got[op] != w {
			t.Errorf("job %s: got %q, want %q", op, got[op], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("job cards: got %d, want %d: %v", len(got), len(want), got)
	}

	groupID := eval[string](t, ctx, `document.querySelector("#group").dataset.groupId`)
	if loc := eval[string](t, ctx, `location.pathname`); loc != "/groups/"+groupID {
		t.Errorf("URL path: got %q, want %q", loc, "/groups/"+groupID)
	}
	current := eval[string](t, ctx, `document.querySelector('.history-link[aria-current="page"]')?.dataset.groupId ?? ""`)
	if current != groupID {
		t.Errorf("history entry marked current: got %q, want %q", current, groupID)
	}

	// Insights come from facts: no model is configured in tests.
	insights := waitFor[[]map[string]any](t, ctx, "four insights", `(() => {
	  const boxes = [...document.querySelectorAll('#jobs .insight[data-insight-status="completed"]')];
	  if (boxes.length < 4) return null;
	  return boxes.map((b) => ({
	    text: b.querySelector(".insight-text").textContent,
	    children: b.querySelector(".insight-text").childElementCount,
	    source: b.querySelector(".insight-source").textContent,
	  }));
	})()`)
	for i, in := range insights {
		if in["text"] == "" {
			t.Errorf("insight %d: got empty text", i)
		}
		if in["children"] != float64(0) {
			t.Errorf("insight %d: got %v child elements, want 0", i, in["children"])
		}
		if in["source"] != "from computed facts" {
			t.Errorf("insight %d source: got %q, want %q", i, in["source"], "from computed facts")
		}
	}
	saveScreenshot(t, ctx)
	if marker := eval[bool](t, ctx, `window.__noReload === 1`); !marker {
		t.Error("page marker is gone: the page reloaded during the submission")
	}
}

func TestDashboardShowsFieldErrors(t *testing.T) {
	ctx := newTab(t)
	srv := apptest.Start(t, apptest.Options{})
	register(t, ctx, srv.URL, "errors@example.com", "Errors")

	tests := []struct {
		name  string
		a, b  string
		field string
		other string
	}{
		{name: "decimal comma in a", a: "1,5", b: "2", field: "a", other: "b"},
		{name: "word in b", a: "2", b: "ten", field: "b", other: "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// SetValue rejects the empty string, so the inputs are cleared in the page.
			eval[string](t, ctx, `document.querySelector("#input-a").value = document.querySelector("#input-b").value = ""`)
			do(t, ctx, "submit invalid pair",
				chromedp.SendKeys(chromedp.ID("input-a"), tt.a),
				chromedp.SendKeys(chromedp.ID("input-b"), tt.b),
				chromedp.Click(chromedp.ID("submit-pair")),
				chromedp.WaitVisible(chromedp.ID("error-"+tt.field)),
			)
			msg := eval[string](t, ctx, fmt.Sprintf(`document.querySelector("#error-%s").textContent`, tt.field))
			if msg == "" {
				t.Errorf("error next to %s: got no text", tt.field)
			}
			invalid := eval[string](t, ctx, fmt.Sprintf(`document.querySelector("#input-%s").getAttribute("aria-invalid")`, tt.field))
			if invalid != "true" {
				t.Errorf("input %s aria-invalid: got %q, want %q", tt.field, invalid, "true")
			}
			otherHidden := eval[bool](t, ctx, fmt.Sprintf(`document.querySelector("#error-%s").hidden`, tt.other))
			if !otherHidden {
				t.Errorf("error next to %s: got visible, want hidden", tt.other)
			}
		})
	}

	if n := eval[int](t, ctx, `document.querySelectorAll("#jobs .job").length`); n != 0 {
		t.Errorf("job cards after invalid input: got %d, want 0", n)
	}
	stored := eval[int](t, ctx, `fetch("/api/v1/groups").then((r) => r.json()).then((p) => p.groups.length)`)
	if stored != 0 {
		t.Errorf("stored groups after invalid input: got %d, want 0", stored)
	}
	if loc := eval[string](t, ctx, `location.pathname`); loc != "/" {
		t.Errorf("URL path: got %q, want %q", loc, "/")
	}
}

func TestDashboardExpressions(t *testing.T) {
	ctx := newTab(t)
	srv := apptest.Start(t, apptest.Options{})
	register(t, ctx, srv.URL, "expr@example.com", "Expressions")

	do(t, ctx, "submit expressions",
		chromedp.Click(chromedp.ID("tab-expressions")),
		chromedp.SetValue(chromedp.ID("input-expressions"), "2^10\n\n1/3\nsqrt(2)"),
		chromedp.Click(chromedp.ID("submit-expressions")),
	)
	got := waitFor[map[string]string](t, ctx, "three final jobs", jobsByOperation)
	want := map[string]string{
		"2^10":    "completed 1024",
		"1/3":     "completed 0." + strings.Repeat("3", 30),
		"sqrt(2)": "completed 1.414213562373095048801688724209",
	}
	for expr, w := range want {
		if got[expr] != w {
			t.Errorf("expression %s: got %q, want %q", expr, got[expr], w)
		}
	}
	marks := eval[map[string]any](t, ctx, `(() => {
	  const card = (e) => [...document.querySelectorAll("#jobs .job")].find((c) => c.querySelector(".job-formula").textContent === e);
	  return {
	    exactThird: card("1/3").querySelector(".exact").hidden ? "" : card("1/3").querySelector(".exact-value").textContent,
	    approxThird: !card("1/3").querySelector(".approx-mark").hidden,
	    approxPower: !card("2^10").querySelector(".approx-mark").hidden,
	  };
	})()`)
	if marks["exactThird"] != "1/3" {
		t.Errorf("exact value of 1/3: got %q, want %q", marks["exactThird"], "1/3")
	}
	if marks["approxThird"] != true {
		t.Error("1/3: got no ≈ mark, want one")
	}
	if marks["approxPower"] != false {
		t.Error("2^10: got a ≈ mark, want none")
	}

	// The third line is the second expression sent, so the error must be
	// reported by line number, not by list index.
	do(t, ctx, "submit an invalid expression",
		chromedp.SetValue(chromedp.ID("input-expressions"), "1+1\n\n<b>2+</b>"),
		chromedp.Click(chromedp.ID("submit-expressions")),
		chromedp.WaitVisible(chromedp.ID("error-expressions")),
	)
	msg := eval[string](t, ctx, `document.querySelector("#error-expressions").textContent`)
	if !strings.HasPrefix(msg, "Line 3: ") {
		t.Errorf("expression error: got %q, want prefix %q", msg, "Line 3: ")
	}
	if n := eval[int](t, ctx, `document.querySelector("#error-expressions").childElementCount`); n != 0 {
		t.Errorf("expression error child elements: got %d, want 0", n)
	}
}
