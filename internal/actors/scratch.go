package actors

import (
	"sync"

	"worldmedia/internal/article"
)

// scratch holds the buffers of the lookups of one call, so that a
// sentence's units, tokens, matches and groups reuse the memory of the
// previous one; without them, these slices dominate the allocations of the
// actor stage.
type scratch struct {
	units   []unit
	tokens  []article.Token
	matches []Match
	groups  []group
	names   []string
}

// scratchPool recycles scratch buffers between calls, which may run
// concurrently: each call takes its own.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func newScratch() *scratch { return scratchPool.Get().(*scratch) }

// release returns sc to the pool, first dropping the strings its buffers
// hold so that a pooled buffer keeps no text alive.
func (sc *scratch) release() {
	clear(sc.units[:cap(sc.units)])
	clear(sc.tokens[:cap(sc.tokens)])
	clear(sc.matches[:cap(sc.matches)])
	clear(sc.groups[:cap(sc.groups)])
	clear(sc.names[:cap(sc.names)])
	scratchPool.Put(sc)
}
