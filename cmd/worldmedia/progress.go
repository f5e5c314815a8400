package main

import (
	"bufio"
	"bytes"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
)

// progress shows how a long run goes: a bar with articles, articles/s,
// errors and ETA on a terminal, else a log line every logEvery.
type progress struct {
	mu       sync.Mutex
	bar      *progressbar.ProgressBar
	log      *slog.Logger
	total    int64 // estimated articles, -1 unknown
	done     int64
	errors   int64
	start    time.Time
	lastLog  time.Time
	logEvery time.Duration
	off      bool
}

// newProgress returns the display mode asks for ("auto", "bar", "log",
// "none") for about total articles (-1 when unknown).
func newProgress(e env, mode string, total int64, log *slog.Logger) *progress {
	p := &progress{log: log, total: total, start: time.Now(), lastLog: time.Now(), logEvery: 10 * time.Second}
	if mode == "auto" {
		mode = "log"
		if isTerminal(e.stderr) {
			mode = "bar"
		}
	}
	switch mode {
	case "none":
		p.off = true
	case "bar":
		p.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("articles"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(total > 0),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetWidth(30),
		)
	}
	return p
}

// add counts done articles (stored or skipped) and errors.
func (p *progress) add(done, errs int64) {
	if p.off {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += done
	p.errors += errs
	if p.bar != nil {
		if p.errors > 0 {
			p.bar.Describe("articles (" + itoa(p.errors) + " errors)")
		}
		p.bar.Add64(done + errs)
		return
	}
	if now := time.Now(); now.Sub(p.lastLog) >= p.logEvery {
		p.lastLog = now
		p.logLine(now)
	}
}

func (p *progress) logLine(now time.Time) {
	el := now.Sub(p.start)
	rate := float64(p.done+p.errors) / el.Seconds()
	attrs := []any{"articles", p.done, "errors", p.errors, "per_second", int64(rate)}
	if p.total > 0 && rate > 0 {
		left := float64(p.total-p.done-p.errors) / rate
		if left < 0 {
			left = 0
		}
		attrs = append(attrs, "total", p.total, "eta", (time.Duration(left) * time.Second).Round(time.Second))
	}
	p.log.Info("progress", attrs...)
}

// finish ends the display.
func (p *progress) finish() {
	if p.off {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Exit()
	}
}

func itoa(n int64) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	if l, ok := w.(*lockedWriter); ok {
		w = l.w
	}
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// estimateArticles guesses how many articles inputs hold, for the ETA:
// a JSON Lines file a line each, a feed or URL or stdin unknown (-1 in all),
// any other file one. Directories are walked.
func estimateArticles(inputs []string) int64 {
	var n int64
	for _, in := range inputs {
		if in == "-" || strings.Contains(in, "://") {
			return -1
		}
		err := filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".jsonl", ".ndjson":
				n += countLines(path)
			case ".xml", ".rss", ".atom":
				n = -1 << 40 // a feed: unknown
			default:
				n++
			}
			return nil
		})
		if err != nil {
			return -1
		}
	}
	if n <= 0 {
		return -1
	}
	return n
}

func countLines(path string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	var n int64
	r := bufio.NewReaderSize(f, 1<<16)
	buf := make([]byte, 1<<16)
	for {
		k, err := r.Read(buf)
		n += int64(bytes.Count(buf[:k], []byte{'\n'}))
		if err != nil {
			return n
		}
	}
}
