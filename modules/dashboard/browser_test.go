package dashboard_test

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browserTimeout bounds one test's whole browser session, including the
// start of Chromium.
const browserTimeout = 45 * time.Second

// pollTimeout bounds one wait for the page to reach a state.
const pollTimeout = 20 * time.Second

// newTab starts a headless Chromium with a fresh profile and returns the
// context of its first tab. The browser stops when the test ends. The test
// is skipped when no Chromium binary is installed.
func newTab(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		t.Skip("no chromium binary found; install it with apt-get install -y chromium")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	ctx, cancelTimeout := context.WithTimeout(context.Background(), browserTimeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
		cancelTimeout()
	})
	if err := chromedp.Do(tabCtx); err != nil {
		t.Fatalf("start chromium %s: %v", path, err)
	}
	return tabCtx
}

// pageText returns the visible text of the page, for failure messages.
func pageText(ctx context.Context) string {
	stepCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	text, err := chromedp.Run(stepCtx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		return "(unavailable: " + err.Error() + ")"
	}
	return text
}

func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// do runs steps in the tab and fails the test with step's name on error.
func do(t *testing.T, ctx context.Context, step string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	stepCtx, cancel := context.WithTimeout(ctx, pollTimeout)
	defer cancel()
	if err := chromedp.Do(stepCtx, steps...); err != nil {
		t.Fatalf("%s: %v\npage text:\n%s", step, err, pageText(ctx))
	}
}

// eval evaluates a JavaScript expression in the page and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript expression until it is truthy and returns its
// value. After pollTimeout it fails the test, naming the awaited state.
func waitFor[T any](t *testing.T, ctx context.Context, state, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Poll[T](expr,
		chromedp.WithPollingInterval(50*time.Millisecond),
		chromedp.WithPollingTimeout(pollTimeout)))
	if err != nil {
		t.Fatalf("wait for %s: %v\npage text:\n%s", state, err, pageText(ctx))
	}
	return v
}

// register signs up through the register page and waits for the
// dashboard.
func register(t *testing.T, ctx context.Context, baseURL, email, name string) {
	t.Helper()
	do(t, ctx, "fill the register form",
		chromedp.Navigate(baseURL+"/register"),
		chromedp.SendKeys(chromedp.ID("email"), email),
		chromedp.SendKeys(chromedp.ID("name"), name),
		chromedp.SendKeys(chromedp.ID("password"), "correct horse battery"),
	)
	// RunResponse waits for the page that the redirect leads to, so later
	// queries run against the dashboard's document and not the form's.
	stepCtx, cancel := context.WithTimeout(ctx, pollTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(stepCtx, chromedp.Click(chromedp.CSS(`#register-form [type="submit"]`)))
	if err != nil {
		t.Fatalf("submit the register form: %v", err)
	}
	if resp.Status != http.StatusOK || resp.URL != baseURL+"/" {
		t.Fatalf("after registering: got status %d at %s, want %d at %s/", resp.Status, resp.URL, http.StatusOK, baseURL)
	}
}

// saveScreenshot writes a full-page PNG to the path in EMMA_SCREENSHOT, for
// checking the layout by eye. Without the variable it does nothing.
func saveScreenshot(t *testing.T, ctx context.Context) {
	t.Helper()
	path := os.Getenv("EMMA_SCREENSHOT")
	if path == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("take screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("write screenshot: %v", err)
	}
}
