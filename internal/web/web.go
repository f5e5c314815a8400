// Package web serves the worldmedia dashboard: a single page, in plain
// JavaScript modules and CSS, that reads the JSON API (internal/api) from
// the browser and shows the store's figures, the relations barometer, the
// events, a map of their places, the stories and the articles.
//
// Every file the page needs, the third-party libraries and the world map
// included, is embedded in the binary (assets/, refreshed by
// scripts/vendor-web.sh), so the dashboard works without any network but
// the one to its own server. [Config.Dir] serves the same files from a
// directory instead, for editing them without rebuilding.
//
// The handler serves only GET and HEAD, only the files under assets/ (no
// directory listings) and "/" as the page itself; anything else is a 404.
// Every response carries a Content-Security-Policy that lets the page load
// scripts, styles, images and data from its own origin only, so the API
// must be served from the same origin, under [Config.APIBase].
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
	"time"
)

//go:embed assets
var embedded embed.FS

// Errors returned by [New].
var (
	// ErrConfig reports an invalid [Config]; the error names the field.
	ErrConfig = errors.New("invalid dashboard configuration")
)

// Config configures the dashboard handler.
type Config struct {
	// Dir, when not "", serves the assets from this directory instead of the
	// embedded ones (development). It must be laid out like internal/web/assets,
	// with index.html at its top; files are read at every request, so edits show
	// on reload.
	Dir string
	// APIBase is the URL path prefix of the JSON API, default "/api/v1". The page
	// requests APIBase + "/stats" and so on, from its own origin.
	APIBase string
}

// DefaultConfig returns the configuration for the embedded assets and the API
// under /api/v1.
func DefaultConfig() Config {
	return Config{APIBase: "/api/v1"}
}

// indexName is the page, a html/template executed with the API base.
const indexName = "index.html"

// csp is the Content-Security-Policy of every response: the page loads
// scripts, styles, images and data only from its own origin, runs no inline
// script or style markup and may not be framed. Leaflet needs no data: images
// here, since the map has no tile layer.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// New returns the handler of the dashboard, to be mounted at the root of a
// server whose API is under cfg.APIBase. A nil log discards. The error, for an
// invalid cfg, wraps [ErrConfig].
func New(cfg Config, log *slog.Logger) (http.Handler, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	base, err := apiBase(cfg.APIBase)
	if err != nil {
		return nil, err
	}
	h := &handler{log: log, apiBase: base}
	if cfg.Dir != "" {
		info, err := os.Stat(cfg.Dir)
		if err != nil {
			return nil, fmt.Errorf("%w: Dir: %w", ErrConfig, err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("%w: Dir %q is not a directory", ErrConfig, cfg.Dir)
		}
		h.fsys = os.DirFS(cfg.Dir)
		h.dev = true
		// Check the page now, so that a wrong directory fails at start.
		if _, err := h.renderIndex(); err != nil {
			return nil, fmt.Errorf("%w: Dir %q: %w", ErrConfig, cfg.Dir, err)
		}
		log.Info("dashboard assets from directory", "dir", cfg.Dir)
		return h, nil
	}
	sub, err := fs.Sub(embedded, "assets")
	if err != nil {
		return nil, err
	}
	h.fsys = sub
	h.assets = make(map[string]asset)
	err = fs.WalkDir(sub, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || name == indexName {
			return err
		}
		data, err := fs.ReadFile(sub, name)
		if err != nil {
			return err
		}
		h.assets[name] = newAsset(name, data)
		return nil
	})
	if err != nil {
		return nil, err
	}
	index, err := h.renderIndex()
	if err != nil {
		return nil, err
	}
	h.assets[indexName] = index
	return h, nil
}

// apiBase validates and normalizes [Config.APIBase].
func apiBase(s string) (string, error) {
	if s == "" {
		return DefaultConfig().APIBase, nil
	}
	u, err := url.Parse(s)
	if err != nil || !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") ||
		u.Scheme != "" || u.Host != "" || u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(s, "\"'<> \t\r\n\\") {
		return "", fmt.Errorf("%w: APIBase %q is not a URL path beginning with /", ErrConfig, s)
	}
	if s = strings.TrimRight(s, "/"); s == "" {
		return "", fmt.Errorf("%w: APIBase %q: the API cannot be at the root, where the dashboard is", ErrConfig, "/")
	}
	return s, nil
}

// asset is a file ready to serve.
type asset struct {
	data        []byte
	contentType string
	etag        string
}

func newAsset(name string, data []byte) asset {
	sum := sha256.Sum256(data)
	return asset{data: data, contentType: contentType(name), etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
}

// contentTypes fixes the types of the files the dashboard has, whatever the
// system's MIME tables say (some map .js to text/plain, which nosniff
// forbids browsers to run).
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".ico":  "image/x-icon",
	".txt":  "text/plain; charset=utf-8",
	"":      "text/plain; charset=utf-8", // LICENSE, VERSIONS
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

type handler struct {
	log     *slog.Logger
	fsys    fs.FS
	dev     bool             // read fsys at every request
	assets  map[string]asset // the embedded files, index.html rendered; nil when dev
	apiBase string
}

// renderIndex executes index.html, the page, with the API base.
func (h *handler) renderIndex() (asset, error) {
	src, err := fs.ReadFile(h.fsys, indexName)
	if err != nil {
		return asset{}, err
	}
	t, err := template.New(indexName).Parse(string(src))
	if err != nil {
		return asset{}, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, struct{ APIBase string }{h.apiBase}); err != nil {
		return asset{}, err
	}
	return newAsset(indexName, buf.Bytes()), nil
}

// load returns the asset name, a valid fs path, or an error wrapping
// fs.ErrNotExist.
func (h *handler) load(name string) (asset, error) {
	if !h.dev {
		a, ok := h.assets[name]
		if !ok {
			return asset{}, fs.ErrNotExist
		}
		return a, nil
	}
	if name == indexName {
		return h.renderIndex()
	}
	info, err := fs.Stat(h.fsys, name)
	if err != nil {
		return asset{}, err
	}
	if !info.Mode().IsRegular() {
		return asset{}, fs.ErrNotExist
	}
	data, err := fs.ReadFile(h.fsys, name)
	if err != nil {
		return asset{}, err
	}
	return newAsset(name, data), nil
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", csp)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("X-Frame-Options", "DENY")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Cross-Origin-Opener-Policy", "same-origin")
	hdr.Set("Cross-Origin-Resource-Policy", "same-origin")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	name := strings.TrimPrefix(p, "/")
	if name == "" {
		name = indexName
	}
	// No cleaning: a path that is not already clean ("a/../b", "a//b", "a/")
	// names no asset. Dot files are not served, in Dir mode least of all.
	if !fs.ValidPath(name) || strings.HasPrefix(name, ".") || strings.Contains(name, "/.") {
		h.notFound(w, r)
		return
	}
	a, err := h.load(name)
	if errors.Is(err, fs.ErrNotExist) {
		h.notFound(w, r)
		return
	}
	if err != nil {
		h.log.Error("dashboard asset", "path", r.URL.Path, "err", err)
		http.Error(w, "500 internal server error", http.StatusInternalServerError)
		return
	}
	hdr.Set("Content-Type", a.contentType)
	hdr.Set("ETag", a.etag)
	// Revalidate every time: the ETag makes that a 304 without a body, and a
	// new binary never shows a stale page.
	hdr.Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(a.data))
}

func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	h.log.Debug("dashboard asset not found", "path", r.URL.Path)
	http.Error(w, "404 page not found", http.StatusNotFound)
}
