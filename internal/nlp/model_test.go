package nlp_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/nlp"
)

func TestDefaultModels(t *testing.T) {
	m := defaultModels(t)
	if m.POS == nil || m.NER == nil {
		t.Fatal("a model is missing")
	}
	again, _ := nlp.DefaultModels()
	if again != m {
		t.Error("DefaultModels loaded the models twice")
	}
}

// TestWriteDir checks that saving the embedded models reproduces the
// committed files byte for byte, so the format loses nothing.
func TestWriteDir(t *testing.T) {
	m := defaultModels(t)
	dir := t.TempDir()
	if err := m.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{nlp.POSModelFile, nlp.NERModelFile} {
		want, err := os.ReadFile(filepath.Join("models", name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want, got) {
			t.Errorf("%s: saved model differs from the committed one (%d vs %d bytes)", name, len(got), len(want))
		}
	}
	if _, err := nlp.LoadModels(os.DirFS(dir)); err != nil {
		t.Errorf("LoadModels: %v", err)
	}
}

func modelFiles(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{nlp.POSModelFile, nlp.NERModelFile} {
		b, err := os.ReadFile(filepath.Join("models", name))
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return fsys
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func TestLoadModelsErrors(t *testing.T) {
	good := modelFiles(t)
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   error
	}{
		{"missing file", func(f fstest.MapFS) { delete(f, nlp.NERModelFile) }, fs.ErrNotExist},
		{"not gzip", func(f fstest.MapFS) { f[nlp.POSModelFile] = &fstest.MapFile{Data: []byte("hello")} }, nlp.ErrModelFormat},
		{"bad magic", func(f fstest.MapFS) { f[nlp.POSModelFile] = &fstest.MapFile{Data: gzipped([]byte("XXXX"))} }, nlp.ErrModelFormat},
		{"wrong kind", func(f fstest.MapFS) { f[nlp.POSModelFile] = f[nlp.NERModelFile] }, nlp.ErrModelFormat},
		{"truncated", func(f fstest.MapFS) {
			b := f[nlp.NERModelFile].Data
			f[nlp.NERModelFile] = &fstest.MapFile{Data: b[:len(b)/2]}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range good {
				fsys[k] = v
			}
			tt.change(fsys)
			_, err := nlp.LoadModels(fsys)
			if err == nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

// FuzzLoadModels feeds damaged model files (before compression; the first
// byte chooses the file) to the loader: it must fail or load, never panic,
// and what loads must run. The models are small ones trained on made-up
// data, so that each run is quick.
func FuzzLoadModels(f *testing.F) {
	files := tinyModels(f)
	names := []string{nlp.POSModelFile, nlp.NERModelFile}
	for i, name := range names {
		zr, err := gzip.NewReader(bytes.NewReader(files[name].Data))
		if err != nil {
			f.Fatal(err)
		}
		var raw bytes.Buffer
		raw.ReadFrom(zr)
		f.Add(append([]byte{byte(i)}, raw.Bytes()...))
	}
	f.Add([]byte("\x01WMPM\x01\x03ner\x01\x01O\x02\x00\x00\x00\x00\x03end"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) == 0 {
			return
		}
		fsys := fstest.MapFS{}
		for k, v := range files {
			fsys[k] = v
		}
		fsys[names[int(b[0])%2]] = &fstest.MapFile{Data: gzipped(b[1:])}
		m, err := nlp.LoadModels(fsys)
		if err != nil {
			return
		}
		sents := [][]string{strings.Fields("Anna Berg met Emmanuel Macron in Oslo .")}
		tags, labels := m.Annotate(sents)
		if len(tags[0]) != len(sents[0]) || len(labels[0]) != len(sents[0]) {
			t.Errorf("annotations of the wrong length")
		}
	})
}

// tinyTrainingData is a made-up corpus to train small models on.
func tinyTrainingData() []nlp.TrainDocument {
	s := func(words, tags, labels string) nlp.TrainSentence {
		return nlp.TrainSentence{Words: strings.Fields(words), Tags: strings.Fields(tags), Labels: strings.Fields(labels)}
	}
	var docs []nlp.TrainDocument
	for range 20 {
		docs = append(docs, nlp.TrainDocument{Sentences: []nlp.TrainSentence{
			s("Anna Berg visited Oslo .", "NNP NNP VBD NNP .", "B-PER I-PER O B-LOC O"),
			s("Berg works for Acme Corp .", "NNP VBZ IN NNP NNP .", "B-PER O O B-ORG I-ORG O"),
		}})
	}
	return docs
}

func tinyConfig() nlp.TrainConfig {
	cfg := nlp.DefaultTrainConfig()
	cfg.POSEpochs, cfg.NEREpochs = 3, 3
	cfg.Gazetteers = fstest.MapFS{"loc.txt": {Data: []byte("# places\nOslo\n")}}
	return cfg
}

// tinyModels trains models on tinyTrainingData and returns their files.
func tinyModels(t testing.TB) fstest.MapFS {
	t.Helper()
	m, err := nlp.Train(context.Background(), tinyTrainingData(), tinyConfig())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := m.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, name := range []string{nlp.POSModelFile, nlp.NERModelFile} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return fsys
}

func TestTrain(t *testing.T) {
	loaded, err := nlp.LoadModels(tinyModels(t))
	if err != nil {
		t.Fatal(err)
	}
	sents := [][]string{strings.Fields("Anna Berg visited Oslo .")}
	tags, labels := loaded.Annotate(sents)
	if d := cmp.Diff([]string{"NNP", "NNP", "VBD", "NNP", "."}, tags[0]); d != "" {
		t.Errorf("tags (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"B-PER", "I-PER", "O", "B-LOC", "O"}, labels[0]); d != "" {
		t.Errorf("labels (-want +got):\n%s", d)
	}

	bad := []nlp.TrainDocument{{Sentences: []nlp.TrainSentence{{
		Words: []string{"a", "b"}, Tags: []string{"DT"}, Labels: []string{"O", "O"}}}}}
	if _, err := nlp.Train(t.Context(), bad, tinyConfig()); !errors.Is(err, nlp.ErrTrainingData) {
		t.Errorf("mismatched lengths: err = %v, want ErrTrainingData", err)
	}
	if _, err := nlp.Train(t.Context(), nil, tinyConfig()); !errors.Is(err, nlp.ErrTrainingData) {
		t.Errorf("no data: err = %v, want ErrTrainingData", err)
	}
}
