package main

import (
	"log/slog"
	"net/http"
)

// webHandler serves the dashboard.
func webHandler(dir string, log *slog.Logger) (http.Handler, error) {
	return http.NotFoundHandler(), nil
}
