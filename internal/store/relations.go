package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sync"
	"time"

	"worldmedia/internal/relations"
)

// RelationPoints sums the events between q.A and q.B per period, for
// [relations.Run]: events of duplicate articles and events without a day
// are left out; worldmedia's and imported GDELT events count alike, one
// a row. A story is a worldmedia story or, for a GDELT record, its
// SOURCEURL; a source is an outlet or the host of a GDELT record's URL (as
// written: "www.bbc.co.uk"). Both are counted by 64-bit hashes (the events
// view's story_key and source_key): two that collide count once, which for
// a million stories happens with a chance of about one in 30 million.
//
// Answers are cached per query until the next write through this DB (the
// dashboard asks the same question again and again).
func (s *DB) RelationPoints(ctx context.Context, q relations.Query) ([]relations.Point, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	gen := s.generation.Load()
	key := fmt.Sprintf("%s|%s|%t|%s|%s|%s", q.A, q.B, q.Directed, q.By, q.Since.Format(time.DateOnly), q.Until.Format(time.DateOnly))
	if pts, ok := s.relCache.get(key, gen); ok {
		return pts, nil
	}
	pts, err := s.relationPoints(ctx, q)
	if err == nil {
		s.relCache.put(key, gen, pts)
	}
	return slices.Clone(pts), err
}

func (s *DB) relationPoints(ctx context.Context, q relations.Query) ([]relations.Point, error) {
	w := &where{}
	w.add("NOT duplicate")
	w.add("day IS NOT NULL")
	ab, abArgs := pairCond(q.A, q.B, "actor1", "actor2")
	if q.Directed {
		w.add(ab, abArgs...)
	} else {
		ba, baArgs := pairCond(q.A, q.B, "actor2", "actor1")
		w.add("(("+ab+") OR ("+ba+"))", append(abArgs, baArgs...)...)
	}
	if !q.Since.IsZero() {
		w.add("day >= ?", dayOf(q.Since))
	}
	if !q.Until.IsZero() {
		w.add("day <= ?", dayOf(q.Until))
	}
	return collect(ctx, s, "relations", `SELECT date_trunc('`+q.By.String()+`', day)::TIMESTAMP AS start,
		count(*),
		count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
		count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
		sum(goldstein), sum(goldstein * goldstein), sum(avg_tone), count(*),
		count(DISTINCT story_key), count(DISTINCT source_key)
		FROM events`+w.String()+` GROUP BY start ORDER BY start`, w.args, func(rows *sql.Rows, p *relations.Point) error {
		if err := rows.Scan(&p.Start, &p.Events, &p.Quad[0], &p.Quad[1], &p.Quad[2], &p.Quad[3],
			&p.GoldsteinSum, &p.GoldsteinSumSq, &p.ToneSum, &p.ToneN, &p.Stories, &p.Sources); err != nil {
			return err
		}
		p.Start = p.Start.UTC()
		return nil
	})
}

// relationCache keeps the latest answers of RelationPoints.
type relationCache struct {
	mu      sync.Mutex
	gen     uint64
	entries map[string][]relations.Point
	order   []string // keys, oldest first
}

// relationCacheSize is how many answers are kept.
const relationCacheSize = 64

func (c *relationCache) get(key string, gen uint64) ([]relations.Point, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return nil, false
	}
	pts, ok := c.entries[key]
	return slices.Clone(pts), ok
}

func (c *relationCache) put(key string, gen uint64, pts []relations.Point) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen || c.entries == nil {
		c.gen, c.entries, c.order = gen, map[string][]relations.Point{}, nil
	}
	if _, ok := c.entries[key]; ok {
		return
	}
	if len(c.order) >= relationCacheSize {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
	c.entries[key] = slices.Clone(pts)
	c.order = append(c.order, key)
}
