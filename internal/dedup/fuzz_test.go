package dedup_test

import (
	"testing"

	"worldmedia/internal/article"
	"worldmedia/internal/dedup"
)

// FuzzSignature feeds arbitrary text with arbitrary actor and place spans,
// in or out of bounds: signing must not panic, every signature has the
// configured length, an article is its own duplicate unless it has no
// words, and signatures survive a binary round trip.
func FuzzSignature(f *testing.F) {
	f.Add("Russia and the United States agreed on Wednesday.", 0, 6, 11, 28, "RUS")
	f.Add("", 0, 0, 0, 0, "")
	f.Add("Zürich — Genève, «déjà vu» 1,400 ‘quoted’ \xff\xfe", 0, 7, 10, 17, "CHE")
	f.Add("a b", 5, 2, -1, 100, "X")
	d, err := dedup.New(dedup.DefaultConfig(), nil)
	if err != nil {
		f.Fatal(err)
	}
	n := dedup.DefaultConfig().Hashes
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int, code string) {
		a := &article.Article{ID: "x", Text: text,
			Actors: []article.ActorMention{{Span: article.Span{Start: s1, End: e1}, Code: code}},
			Places: []article.Place{{Name: code, GeonameID: s2, Mentions: []article.Span{{Start: s2, End: e2}, {Start: s1, End: e2}}}},
		}
		sig := d.Signature(a)
		if len(sig) != n {
			t.Fatalf("signature of %d values, want %d", len(sig), n)
		}
		if s := sig.Similarity(sig); s != 1 && !sig.Empty() {
			t.Fatalf("self-similarity %v", s)
		}
		if len(d.StorySignature(a)) != dedup.DefaultConfig().StoryHashes {
			t.Fatal("story signature of the wrong length")
		}
		b, err := sig.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back dedup.Signature
		if err := back.UnmarshalBinary(b); err != nil || back.Similarity(sig) != sig.Similarity(sig) {
			t.Fatalf("round trip: %v", err)
		}
		_ = d.Check(a)
	})
}

// FuzzUnmarshalSignature feeds arbitrary bytes to the decoder of stored
// signatures: no panic, and what decodes encodes back to the same bytes.
func FuzzUnmarshalSignature(f *testing.F) {
	f.Add([]byte{1, 0, 0, 0, 0})
	f.Add([]byte{})
	f.Add([]byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, b []byte) {
		var sig dedup.Signature
		if err := sig.UnmarshalBinary(b); err != nil {
			return
		}
		out, _ := sig.MarshalBinary()
		if string(out) != string(b) {
			t.Fatalf("re-encoded %x, read %x", out, b)
		}
	})
}
