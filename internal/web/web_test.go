package web_test

import (
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"worldmedia/internal/web"
)

func newHandler(t *testing.T, cfg web.Config) http.Handler {
	t.Helper()
	h, err := web.New(cfg, nil)
	if err != nil {
		t.Fatalf("New(%+v): %v", cfg, err)
	}
	return h
}

func get(t *testing.T, h http.Handler, target string) *http.Response {
	t.Helper()
	return do(t, h, http.MethodGet, target, nil)
}

func do(t *testing.T, h http.Handler, method, target string, header http.Header) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestIndex(t *testing.T) {
	h := newHandler(t, web.DefaultConfig())
	for _, target := range []string{"/", "/index.html"} {
		t.Run(target, func(t *testing.T) {
			resp := get(t, h, target)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if got, want := resp.Header.Get("Content-Type"), "text/html; charset=utf-8"; got != want {
				t.Errorf("Content-Type %q, want %q", got, want)
			}
			b := body(t, resp)
			if !strings.Contains(b, `<meta name="worldmedia-api" content="/api/v1">`) {
				t.Errorf("index lacks the API base meta tag:\n%s", b)
			}
			if strings.Contains(b, "{{") {
				t.Errorf("index has an unexecuted template action:\n%s", b)
			}
		})
	}
}

func TestAPIBase(t *testing.T) {
	tests := []struct {
		name, base, want string // want "" for an error
	}{
		{"empty is the default", "", "/api/v1"},
		{"default", "/api/v1", "/api/v1"},
		{"trailing slash", "/wm/api/v2/", "/wm/api/v2"},
		{"relative", "api/v1", ""},
		{"absolute URL", "http://example.org/api", ""},
		{"scheme-relative", "//example.org/api", ""},
		{"root", "/", ""},
		{"query", "/api?x=1", ""},
		{"quote", `/api"onload="x`, ""},
		{"space", "/my api", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := web.New(web.Config{APIBase: tt.base}, nil)
			if tt.want == "" {
				if !errors.Is(err, web.ErrConfig) {
					t.Fatalf("New(APIBase %q) error %v, want ErrConfig", tt.base, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			b := body(t, get(t, h, "/"))
			if want := `content="` + tt.want + `"`; !strings.Contains(b, want) {
				t.Errorf("index lacks %s", want)
			}
		})
	}
}

// references returns the src and href attributes of the index's elements,
// but links within the page.
func references(t *testing.T, page string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if (a.Key == "src" || a.Key == "href") && !strings.HasPrefix(a.Val, "#") {
					refs = append(refs, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return refs
}

var wantTypes = map[string]string{
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".json": "application/json",
	".html": "text/html; charset=utf-8",
	"":      "text/plain; charset=utf-8",
}

// checkAsset requests a referenced asset and checks its status and type.
func checkAsset(t *testing.T, h http.Handler, ref string) {
	t.Helper()
	resp := get(t, h, ref)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("%s: status %d", ref, resp.StatusCode)
		return
	}
	if want, ok := wantTypes[path.Ext(ref)]; ok {
		if got := resp.Header.Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", ref, got, want)
		}
	} else {
		t.Errorf("%s: no expected type for its extension", ref)
	}
	if resp.ContentLength == 0 {
		t.Errorf("%s: empty", ref)
	}
}

func TestIndexReferences(t *testing.T) {
	h := newHandler(t, web.DefaultConfig())
	refs := references(t, body(t, get(t, h, "/")))
	if len(refs) < 5 {
		t.Fatalf("index references only %v", refs)
	}
	for _, ref := range refs {
		if strings.Contains(ref, "://") || strings.HasPrefix(ref, "//") {
			t.Errorf("index references %q outside the server: the dashboard must work offline", ref)
			continue
		}
		checkAsset(t, h, "/"+strings.TrimPrefix(ref, "/"))
	}
}

var (
	// importRE matches the module specifiers of static and dynamic imports and
	// of new URL(…, import.meta.url).
	importRE = regexp.MustCompile(`(?m)(?:^\s*import\s[^;]*?from\s*|^\s*import\s*|\bimport\(\s*|\bexport\s[^;]*?from\s*|new URL\(\s*)["']([^"']+)["']`)
	cssURLRE = regexp.MustCompile(`url\(\s*["']?([^"')#]+)["']?\s*\)`)
)

// TestAssetReferences follows the references between the assets: the
// modules each script imports and the files each stylesheet names.
func TestAssetReferences(t *testing.T) {
	h := newHandler(t, web.DefaultConfig())
	src := os.DirFS("assets") // what go:embed embeds
	checked := 0
	err := fs.WalkDir(src, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		var re *regexp.Regexp
		switch path.Ext(name) {
		case ".js":
			re = importRE
		case ".css":
			re = cssURLRE
		default:
			return nil
		}
		b, err := fs.ReadFile(src, name)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			ref := m[1]
			if strings.HasPrefix(ref, "data:") {
				continue
			}
			if !strings.HasPrefix(ref, "./") && !strings.HasPrefix(ref, "../") && !strings.HasPrefix(ref, "images/") {
				t.Errorf("%s: reference %q is not relative (bare module names need a build step; other hosts are offline)", name, ref)
				continue
			}
			checkAsset(t, h, "/"+path.Join(path.Dir(name), ref))
			checked++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 10 {
		t.Errorf("followed only %d references", checked)
	}
}

func TestContentTypes(t *testing.T) {
	h := newHandler(t, web.DefaultConfig())
	for _, ref := range []string{
		"/app.css", "/js/main.js", "/favicon.svg",
		"/vendor/uplot/uPlot.esm.js", "/vendor/uplot/uPlot.min.css", "/vendor/uplot/LICENSE",
		"/vendor/leaflet/leaflet-src.esm.js", "/vendor/leaflet/images/layers.png",
		"/vendor/world-atlas/countries-110m.json", "/vendor/topojson-client/src/index.js",
	} {
		t.Run(ref, func(t *testing.T) { checkAsset(t, h, ref) })
	}
}

func TestNotFound(t *testing.T) {
	h := newHandler(t, web.DefaultConfig())
	for _, target := range []string{
		"/nope.js", "/js/nope.js", "/js", "/js/", "/vendor", "/vendor/",
		"/js/../app.css", "/./app.css", "//app.css", "/app.css/",
		"/../web.go", "/%2e%2e/web.go", "/web.go", "/index.htm", "/api/v1/stats",
	} {
		t.Run(target, func(t *testing.T) {
			resp := get(t, h, target)
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("status %d, want 404", resp.StatusCode)
			}
			checkSecurityHeaders(t, resp)
		})
	}
}

func TestMethods(t *testing.T) {
	h := newHandler(t, web.DefaultConfig())
	resp := do(t, h, http.MethodPost, "/", nil)
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", resp.StatusCode)
	}
	if got := resp.Header.Get("Allow"); got != "GET, HEAD" {
		t.Errorf("POST: Allow %q", got)
	}
	resp = do(t, h, http.MethodHead, "/js/main.js", nil)
	if resp.StatusCode != http.StatusOK || body(t, resp) != "" {
		t.Errorf("HEAD: status %d or a body", resp.StatusCode)
	}
}

func TestRevalidation(t *testing.T) {
	h := newHandler(t, web.DefaultConfig())
	for _, target := range []string{"/", "/js/main.js"} {
		t.Run(target, func(t *testing.T) {
			resp := get(t, h, target)
			etag := resp.Header.Get("ETag")
			if etag == "" {
				t.Fatal("no ETag")
			}
			if got := resp.Header.Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control %q", got)
			}
			resp = do(t, h, http.MethodGet, target, http.Header{"If-None-Match": {etag}})
			if resp.StatusCode != http.StatusNotModified {
				t.Errorf("If-None-Match: status %d, want 304", resp.StatusCode)
			}
		})
	}
}

// checkSecurityHeaders checks nosniff and a Content-Security-Policy that
// allows scripts, styles, images and connections to the page's origin only.
func checkSecurityHeaders(t *testing.T, resp *http.Response) {
	t.Helper()
	if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options %q", got)
	}
	policy := resp.Header.Get("Content-Security-Policy")
	directives := map[string]string{}
	for _, d := range strings.Split(policy, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		directives[name] = value
	}
	want := map[string]string{
		"default-src":     "'none'",
		"script-src":      "'self'",
		"style-src":       "'self'",
		"img-src":         "'self'",
		"connect-src":     "'self'",
		"frame-ancestors": "'none'",
		"base-uri":        "'none'",
	}
	for name, value := range want {
		if got, ok := directives[name]; !ok || got != value {
			t.Errorf("Content-Security-Policy %s is %q, want %q (policy %q)", name, got, value, policy)
		}
	}
	if strings.Contains(policy, "unsafe-") {
		t.Errorf("Content-Security-Policy allows something unsafe: %q", policy)
	}
}

func TestSecurityHeaders(t *testing.T) {
	h := newHandler(t, web.DefaultConfig())
	for _, target := range []string{"/", "/js/main.js", "/vendor/world-atlas/countries-110m.json"} {
		t.Run(target, func(t *testing.T) { checkSecurityHeaders(t, get(t, h, target)) })
	}
	resp := do(t, h, http.MethodPost, "/", nil)
	checkSecurityHeaders(t, resp)
}

func TestDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", `<!doctype html><meta name="worldmedia-api" content="{{.APIBase}}"><script type="module" src="js/main.js"></script>`)
	write("js/main.js", "console.log(1)\n")
	write(".secret", "no")
	write("js/.hidden.js", "no")

	h := newHandler(t, web.Config{Dir: dir, APIBase: "/api/v2"})
	if b := body(t, get(t, h, "/")); !strings.Contains(b, `content="/api/v2"`) {
		t.Errorf("index from Dir: %s", b)
	}
	if b := body(t, get(t, h, "/js/main.js")); b != "console.log(1)\n" {
		t.Errorf("main.js from Dir: %q", b)
	}
	// Files are read at each request: an edit shows without a restart.
	write("js/main.js", "console.log(2)\n")
	write("index.html", `<p>{{.APIBase}} edited`)
	if b := body(t, get(t, h, "/js/main.js")); b != "console.log(2)\n" {
		t.Errorf("edited main.js from Dir: %q", b)
	}
	if b := body(t, get(t, h, "/")); b != "<p>/api/v2 edited" {
		t.Errorf("edited index from Dir: %q", b)
	}
	for _, target := range []string{"/nope.js", "/js", "/js/", "/.secret", "/js/.hidden.js", "/../etc/passwd"} {
		if resp := get(t, h, target); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s from Dir: status %d, want 404", target, resp.StatusCode)
		}
	}
	checkSecurityHeaders(t, get(t, h, "/js/main.js"))
}

// TestDirAssets serves the source directory of the embedded assets as in
// development: it must give the same page.
func TestDirAssets(t *testing.T) {
	embedded := body(t, get(t, newHandler(t, web.DefaultConfig()), "/"))
	dir := body(t, get(t, newHandler(t, web.Config{Dir: "assets"}), "/"))
	if embedded != dir {
		t.Errorf("the page from Dir differs from the embedded one")
	}
}

func TestDirErrors(t *testing.T) {
	empty := t.TempDir()
	file := filepath.Join(empty, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	badTemplate := t.TempDir()
	if err := os.WriteFile(filepath.Join(badTemplate, "index.html"), []byte("{{.Nope"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, dir := range map[string]string{
		"missing":      filepath.Join(empty, "missing"),
		"file":         file,
		"no index":     empty,
		"bad template": badTemplate,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := web.New(web.Config{Dir: dir}, nil); !errors.Is(err, web.ErrConfig) {
				t.Errorf("New(Dir %q) error %v, want ErrConfig", dir, err)
			}
		})
	}
}

// TestVendor checks that each vendored package has its licence and that
// docs/dashboard.md records the versions scripts/vendor-web.sh vendored.
func TestVendor(t *testing.T) {
	versions, err := os.ReadFile("assets/vendor/VERSIONS")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("../../docs/dashboard.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(versions)), "\n")
	if len(lines) != 5 {
		t.Errorf("VERSIONS has %d lines, want 5", len(lines))
	}
	for _, line := range lines {
		name, version, _ := strings.Cut(line, " ")
		if _, err := os.Stat(filepath.Join("assets/vendor", name, "LICENSE")); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if want := "| " + name + " | " + version + " |"; !strings.Contains(string(doc), want) {
			t.Errorf("docs/dashboard.md lacks the row %q", want)
		}
	}
}

// FuzzPath requests arbitrary paths: no panic, and a 200 only for a clean
// path inside the assets.
func FuzzPath(f *testing.F) {
	h, err := web.New(web.DefaultConfig(), nil)
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range []string{"/", "/index.html", "/js/main.js", "/../web.go", "//x", "/js/", "/\x00", "/a/./b", "/vendor/uplot/LICENSE", ""} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		req := &http.Request{Method: http.MethodGet, URL: &url.URL{Path: p}, Header: http.Header{}}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK:
			name := strings.TrimPrefix(p, "/")
			if name != "" && (!fs.ValidPath(name) || strings.Contains(name, "..")) {
				t.Errorf("%q: served an unclean path", p)
			}
		case http.StatusNotFound:
		default:
			t.Errorf("%q: status %d", p, rec.Code)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%q: no nosniff", p)
		}
	})
}
