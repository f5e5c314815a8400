package testkit

import (
	"context"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

// Chromium starts one headless Chromium for the test and returns its
// context; the browser stops when the test ends. It is Debian's
// /usr/bin/chromium, or $CHROMIUM; without one the test is skipped with a
// message saying how to install it. The browser has a fresh profile, a
// 1280×900 window and no connection but to the test's own servers.
func Chromium(t *testing.T) context.Context {
	t.Helper()
	exec := os.Getenv("CHROMIUM")
	if exec == "" {
		exec = "/usr/bin/chromium"
	}
	if _, err := os.Stat(exec); err != nil {
		t.Skipf("no Chromium at %s (%v): install Debian's chromium (apt-get install -y chromium) to run the browser tests, or set CHROMIUM", exec, err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exec),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	// Start the browser with a context without timeout: its life is the test's.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exec, err)
	}
	return ctx
}
