package main

import (
	"log/slog"
	"net/http"

	"worldmedia/internal/web"
)

// webHandler serves the dashboard, from dir when given (development).
func webHandler(dir string, log *slog.Logger) (http.Handler, error) {
	cfg := web.DefaultConfig()
	cfg.Dir = dir
	cfg.APIBase = "/api/v1"
	return web.New(cfg, log)
}
