package ingest

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// dir reads every file under root whose extension is one of the
// configured ones, in lexical order of path, skipping hidden files and
// directories. Symbolic links to files are read; links to directories are
// not followed, which keeps the walk finite.
func (r *Reader) dir(ctx context.Context, root string, emit emitFunc) bool {
	type found struct {
		path string
		info fs.FileInfo
	}
	var files []found
	var walkErrs []*RecordError
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			walkErrs = append(walkErrs, &RecordError{Input: path, Err: pathError(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !r.exts[strings.ToLower(filepath.Ext(path))] {
			return nil
		}
		info, err := os.Stat(path) // follows a link to a file
		if err != nil {
			walkErrs = append(walkErrs, &RecordError{Input: path, Err: pathError(err)})
			return nil
		}
		if info.Mode().IsRegular() {
			files = append(files, found{path, info})
		}
		return nil
	})
	if ctx.Err() != nil {
		return emit(nil, ctx.Err())
	}
	if err != nil {
		return emit(nil, &RecordError{Input: root, Err: pathError(err)})
	}
	for _, e := range walkErrs {
		if !emit(nil, e) {
			return false
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	r.log.Debug("walked directory", "input", root, "files", len(files))
	for _, f := range files {
		if !r.file(ctx, f.path, f.info, emit) {
			return false
		}
	}
	return true
}
