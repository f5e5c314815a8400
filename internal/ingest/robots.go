package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/temoto/robotstxt"
)

// robotsRules is the part of a host's robots.txt that applies to us; a nil
// group allows everything.
type robotsRules struct {
	group *robotstxt.Group
}

func (r *robotsRules) allows(u *url.URL) bool {
	if r == nil || r.group == nil {
		return true
	}
	return r.group.Test(u.RequestURI())
}

// allowed returns an error wrapping ErrRobots when the robots.txt of u's host
// disallows u. The file is fetched once per host and kept.
func (f *Fetcher) allowed(ctx context.Context, u *url.URL) error {
	h := f.host(u)
	h.robotsMu.Lock()
	defer h.robotsMu.Unlock()
	if h.robots == nil {
		rules, err := f.fetchRobots(ctx, u)
		if err != nil {
			return err
		}
		h.robots = rules
	}
	if !h.robots.allows(u) {
		return fmt.Errorf("%w: %s", ErrRobots, u.RequestURI())
	}
	return nil
}

// fetchRobots downloads and reads u's host's robots.txt. A missing file
// (4xx) allows everything. So, for availability, does a server error or an
// unreachable host, which is logged: the request for the page itself will
// then report what is wrong. Only a cancelled context is an error.
func (f *Fetcher) fetchRobots(ctx context.Context, u *url.URL) (*robotsRules, error) {
	robotsURL := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	if err := f.wait(ctx, robotsURL); err != nil {
		return nil, err
	}
	defer f.done(robotsURL)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, robotsURL.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFetch, err)
	}
	req.Header.Set("User-Agent", f.userAgent)
	resp, err := f.robotsClient.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		f.log.Warn("robots.txt unavailable, allowing all", "host", u.Host, "err", err)
		return &robotsRules{}, nil
	}
	defer resp.Body.Close()
	body, err := readCapped(resp.Body, -1, robotsMaxBytes)
	switch {
	case resp.StatusCode >= 500:
		f.log.Warn("robots.txt unavailable, allowing all", "host", u.Host, "status", resp.StatusCode)
		return &robotsRules{}, nil
	case resp.StatusCode >= 400:
		return &robotsRules{}, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		f.log.Warn("robots.txt unavailable, allowing all", "host", u.Host, "status", resp.StatusCode)
		return &robotsRules{}, nil
	case err != nil:
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		f.log.Warn("robots.txt unreadable, allowing all", "host", u.Host, "err", err)
		return &robotsRules{}, nil
	}
	data, err := robotstxt.FromBytes(body)
	if err != nil {
		f.log.Warn("robots.txt unreadable, allowing all", "host", u.Host, "err", err)
		return &robotsRules{}, nil
	}
	g := data.FindGroup(f.agent)
	if g.CrawlDelay > 0 {
		h := f.host(u)
		f.mu.Lock()
		h.delay = max(f.interval, min(g.CrawlDelay, maxCrawlDelay))
		f.mu.Unlock()
		f.log.Debug("robots.txt crawl delay", "host", u.Host, "delay", g.CrawlDelay)
	}
	return &robotsRules{group: g}, nil
}
