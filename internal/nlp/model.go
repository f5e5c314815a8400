package nlp

import (
	"bufio"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// Model files, as LoadModels expects them in a directory. The format is
// described in docs/models.md.
const (
	POSModelFile = "pos.model.gz"
	NERModelFile = "ner.model.gz"
)

// Errors of reading and training models.
var (
	// ErrModelFormat reports a file that is not a worldmedia model of the
	// expected kind and version, or is damaged.
	ErrModelFormat = errors.New("not a worldmedia model file")
	// ErrTrainingData reports training data the trainer cannot use: a
	// sentence whose words, tags and labels differ in number, or no data.
	ErrTrainingData = errors.New("unusable training data")
)

// modelMagic opens every model file; modelVersion is the format version and
// the version of the feature templates the weights were trained with.
const (
	modelMagic   = "WMPM"
	modelVersion = 1
)

// embeddedModels are the models trained by "worldmedia train" and committed.
//
//go:embed models/*
var embeddedModels embed.FS

// Models are the part-of-speech tagger and the entity recogniser.
type Models struct {
	POS *Tagger
	NER *Recognizer
}

// Annotate tags the words of each sentence of a document and labels its
// entities, in new slices.
func (m *Models) Annotate(sents [][]string) (tags, labels [][]string) {
	tags = make([][]string, len(sents))
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	all := make([]string, n)
	for i, s := range sents {
		tags[i], all = all[:len(s):len(s)], all[len(s):]
		m.POS.Tag(s, tags[i])
	}
	return tags, m.NER.Recognize(sents, tags)
}

// LoadModels reads the models from a directory holding the model files
// ([POSModelFile], [NERModelFile]).
func LoadModels(fsys fs.FS) (*Models, error) {
	m := &Models{}
	err := readModelFile(fsys, POSModelFile, func(r *modelReader) error {
		t, err := readTagger(r)
		m.POS = t
		return err
	})
	if err != nil {
		return nil, err
	}
	err = readModelFile(fsys, NERModelFile, func(r *modelReader) error {
		rec, err := readRecognizer(r)
		m.NER = rec
		return err
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

var defaultModels = sync.OnceValues(func() (*Models, error) {
	sub, err := fs.Sub(embeddedModels, "models")
	if err != nil {
		return nil, err
	}
	return LoadModels(sub)
})

// DefaultModels returns the models embedded in the program, loaded once.
func DefaultModels() (*Models, error) { return defaultModels() }

// WriteDir writes the model files into dir, each through a temporary file
// renamed into place.
func (m *Models) WriteDir(dir string) error {
	write := func(name string, save func(io.Writer) error) error {
		path := filepath.Join(dir, name)
		f, err := os.CreateTemp(dir, name+".tmp*")
		if err != nil {
			return err
		}
		defer os.Remove(f.Name())
		if err := save(f); err != nil {
			f.Close()
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := f.Chmod(0o644); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return os.Rename(f.Name(), path)
	}
	if err := write(POSModelFile, m.POS.save); err != nil {
		return err
	}
	return write(NERModelFile, m.NER.save)
}

func readModelFile(fsys fs.FS, name string, read func(*modelReader) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w: %w", name, ErrModelFormat, err)
	}
	r := &modelReader{r: bufio.NewReader(zr)}
	if err := read(r); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Limits on what a model file may declare, so a damaged file fails
// instead of allocating without bound.
const (
	maxModelString = 1 << 12
	maxModelCount  = 1 << 26
)

// modelReader decodes the primitives of the model format, keeping the
// first error.
type modelReader struct {
	r   *bufio.Reader
	err error
}

func (r *modelReader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s", ErrModelFormat, fmt.Sprintf(format, args...))
	}
}

func (r *modelReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(r.r)
	if err != nil {
		r.fail("truncated (%v)", err)
	}
	return v
}

func (r *modelReader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(r.r)
	if err != nil {
		r.fail("truncated (%v)", err)
	}
	return v
}

func (r *modelReader) count(limit int) int {
	n := r.uvarint()
	if n > uint64(limit) {
		r.fail("count %d over %d", n, limit)
		return 0
	}
	return int(n)
}

func (r *modelReader) string() string {
	n := r.count(maxModelString)
	if r.err != nil {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r.r, b); err != nil {
		r.fail("truncated (%v)", err)
	}
	return string(b)
}

func (r *modelReader) byte() byte {
	if r.err != nil {
		return 0
	}
	b, err := r.r.ReadByte()
	if err != nil {
		r.fail("truncated (%v)", err)
	}
	return b
}

// header reads the magic, version, kind and class list.
func (r *modelReader) header(kind string) []string {
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(r.r, magic); err != nil || string(magic) != modelMagic {
		r.fail("bad magic")
		return nil
	}
	if v := r.uvarint(); r.err == nil && v != modelVersion {
		r.fail("version %d, want %d", v, modelVersion)
	}
	if k := r.string(); r.err == nil && k != kind {
		r.fail("a %q model, want %q", k, kind)
	}
	n := r.count(255)
	classes := make([]string, 0, n)
	for range n {
		classes = append(classes, r.string())
	}
	if r.err == nil && n == 0 {
		r.fail("no classes")
	}
	return classes
}

// weights reads the feature table.
func (r *modelReader) weights(nclass int) *weights {
	scale := math.Float32frombits(uint32(r.uvarint()))
	n := r.count(maxModelCount)
	feats := make([]featureWeights, 0, min(n, 1<<16)) // grown as read: n may lie
	var key uint64
	total := 0
	for i := 0; i < n && r.err == nil; i++ {
		d := r.uvarint()
		if d == 0 && i > 0 || key+d < key {
			r.fail("feature keys out of order")
		}
		key += d
		if key == 0 {
			r.fail("zero feature key")
		}
		k := r.count(nclass)
		if total += k; total > maxWeights {
			r.fail("more than %d weights", maxWeights)
		}
		vals := make([]uint32, k)
		for j := range vals {
			c := r.count(nclass - 1)
			w := r.varint()
			if w < math.MinInt16 || w > math.MaxInt16 {
				r.fail("weight %d out of range", w)
			}
			vals[j] = uint32(c)<<16 | uint32(uint16(int16(w)))
		}
		feats = append(feats, featureWeights{key, vals})
	}
	if r.string() != "end" && r.err == nil {
		r.fail("missing end mark")
	}
	if r.err != nil {
		return nil
	}
	return newWeights(nclass, scale, feats)
}

// modelWriter encodes the primitives of the model format, keeping the first
// error.
type modelWriter struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (w *modelWriter) write(b []byte) {
	if w.err == nil {
		_, w.err = w.w.Write(b)
	}
}

func (w *modelWriter) uvarint(v uint64) { w.write(binary.AppendUvarint(w.buf[:0], v)) }
func (w *modelWriter) varint(v int64)   { w.write(binary.AppendVarint(w.buf[:0], v)) }
func (w *modelWriter) string(s string) {
	w.uvarint(uint64(len(s)))
	w.write([]byte(s))
}

func (w *modelWriter) header(kind string, classes []string) {
	w.write([]byte(modelMagic))
	w.uvarint(modelVersion)
	w.string(kind)
	w.uvarint(uint64(len(classes)))
	for _, c := range classes {
		w.string(c)
	}
}

func (w *modelWriter) weights(ws *weights) {
	w.uvarint(uint64(math.Float32bits(ws.scale)))
	feats := ws.features()
	w.uvarint(uint64(len(feats)))
	var prev uint64
	for _, f := range feats {
		w.uvarint(f.key - prev)
		prev = f.key
		w.uvarint(uint64(len(f.vals)))
		for _, v := range f.vals {
			w.uvarint(uint64(v >> 16))
			w.varint(int64(int16(v)))
		}
	}
	w.string("end")
}

// writeModel frames body as a gzip-compressed model file.
func writeModel(out io.Writer, body func(*modelWriter)) error {
	zw, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := &modelWriter{w: bufio.NewWriter(zw)}
	body(w)
	if w.err == nil {
		w.err = w.w.Flush()
	}
	if err := zw.Close(); w.err == nil {
		w.err = err
	}
	return w.err
}

func (t *Tagger) save(out io.Writer) error {
	return writeModel(out, func(w *modelWriter) {
		w.header("pos", t.classes)
		w.uvarint(uint64(len(t.words)))
		for _, word := range slices.Sorted(slices.Values(t.words)) {
			c, _ := t.dict.get(analyze(word).exact)
			w.string(word)
			w.uvarint(uint64(c))
		}
		w.weights(t.w)
	})
}

func readTagger(r *modelReader) (*Tagger, error) {
	classes := r.header("pos")
	n := r.count(maxModelCount)
	dict := make(map[string]int, min(n, 1<<12))
	for i := 0; i < n && r.err == nil; i++ {
		word := r.string()
		dict[word] = r.count(len(classes) - 1)
	}
	w := r.weights(len(classes))
	if r.err != nil {
		return nil, r.err
	}
	return newTagger(classes, w, dict), nil
}

func (rec *Recognizer) save(out io.Writer) error {
	return writeModel(out, func(w *modelWriter) {
		w.header("ner", rec.classes)
		w.uvarint(nGaz)
		for _, g := range rec.gaz {
			names := g.sorted()
			w.uvarint(uint64(len(names)))
			for _, name := range names {
				w.string(name)
				w.write([]byte{g.names[name]})
			}
		}
		w.weights(rec.w)
	})
}

func readRecognizer(r *modelReader) (*Recognizer, error) {
	classes := r.header("ner")
	if r.err == nil && indexOf(classes, "O") < 0 {
		r.fail("no O class")
	}
	if ng := r.count(nGaz); r.err == nil && ng != nGaz {
		r.fail("%d gazetteers, want %d", ng, nGaz)
	}
	var gaz [nGaz]*gazetteer
	for i := range gaz {
		g := newGazetteer()
		n := r.count(maxModelCount)
		for j := 0; j < n && r.err == nil; j++ {
			name := r.string()
			g.add(name, r.byte()&(1<<len(gazTypes)-1))
		}
		g.build()
		gaz[i] = g
	}
	w := r.weights(len(classes))
	if r.err != nil {
		return nil, r.err
	}
	rec := newRecognizer(classes, w, gaz)
	if len(rec.types) > maxTypes {
		return nil, fmt.Errorf("%w: %d entity types, at most %d", ErrModelFormat, len(rec.types)-1, maxTypes-1)
	}
	return rec, nil
}
