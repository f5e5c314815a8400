package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Errors reported by the store.
var (
	// ErrConfig is a configuration the store cannot run with.
	ErrConfig = errors.New("invalid store configuration")
	// ErrSchema is a database written by a newer worldmedia, or one whose
	// schema history does not match this program's migrations.
	ErrSchema = errors.New("unsupported database schema")
	// ErrLocked is a database file that another process has open.
	ErrLocked = errors.New("database is in use by another process")
	// ErrClosed is a use of a closed store.
	ErrClosed = errors.New("store is closed")
)

// DefaultPath is the database file used when none is given.
const DefaultPath = "worldmedia.duckdb"

// Config says how the database is opened.
type Config struct {
	// MemoryLimit caps DuckDB's own memory ("1GB"); "" leaves DuckDB's
	// default (80% of RAM).
	MemoryLimit string
	// Threads is DuckDB's worker threads; 0 lets DuckDB choose.
	Threads int
	// ReadOnly opens the file for reading only; migrations are not run.
	ReadOnly bool
	// SegmentMinBytes is the size from which an imported GDELT 2.0 file
	// becomes a Parquet segment (docs/store.md) rather than rows of
	// event_rows: 0 means DefaultSegmentMinBytes, a negative value never.
	// Small files (GDELT's 15-minute updates) go into the table, so that
	// years of them do not make thousands of tiny segments.
	SegmentMinBytes int64
}

// DefaultSegmentMinBytes is the default Config.SegmentMinBytes: 64 MiB,
// about 280,000 GDELT records.
const DefaultSegmentMinBytes = 64 << 20

// DefaultConfig returns the configuration worldmedia runs with.
func DefaultConfig() Config {
	return Config{MemoryLimit: "2GB"}
}

func (c Config) validate() error {
	if c.Threads < 0 {
		return fmt.Errorf("%w: threads %d", ErrConfig, c.Threads)
	}
	if c.MemoryLimit != "" && strings.ContainsAny(c.MemoryLimit, "?&=#/ ") {
		return fmt.Errorf("%w: memory limit %q", ErrConfig, c.MemoryLimit)
	}
	return nil
}

// DB is an open store.
type DB struct {
	sql        *sql.DB
	path       string
	log        *slog.Logger
	segmentMin int64 // Config.SegmentMinBytes, resolved

	closeOnce sync.Once
	closeErr  error

	// generation counts this process's writes; results cached for one
	// generation are stale in the next. DuckDB lets no other process write
	// while this one has the file open, so nothing else changes the data.
	generation atomic.Uint64
	relCache   relationCache
}

// changed marks a write: cached results are dropped.
func (s *DB) changed() { s.generation.Add(1) }

//go:embed schema/*.sql
var schemaFS embed.FS

// Open opens (creating if needed) the database file at path and brings its
// schema up to date. path "" or ":memory:" opens a database in memory.
func Open(ctx context.Context, path string, cfg Config, log *slog.Logger) (*DB, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if path == ":memory:" {
		path = ""
	}
	q := url.Values{}
	if cfg.MemoryLimit != "" {
		q.Set("memory_limit", cfg.MemoryLimit)
	}
	if cfg.Threads > 0 {
		q.Set("threads", strconv.Itoa(cfg.Threads))
	}
	if cfg.ReadOnly && path != "" {
		q.Set("access_mode", "READ_ONLY")
	}
	dsn := path
	if len(q) > 0 {
		dsn += "?" + q.Encode()
	}
	connector, err := duckdb.NewConnector(dsn, nil)
	if err != nil {
		return nil, openError(path, err)
	}
	db := sql.OpenDB(connector)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	s := &DB{sql: db, path: path, log: log, segmentMin: cfg.SegmentMinBytes}
	if s.segmentMin == 0 {
		s.segmentMin = DefaultSegmentMinBytes
	}
	if !cfg.ReadOnly {
		if err := s.migrate(ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("database %s: %w", s.name(), err)
		}
		if err := s.openSegments(ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("database %s: %w", s.name(), err)
		}
	} else if err := s.checkVersion(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: %w", s.name(), err)
	}
	return s, nil
}

func openError(path string, err error) error {
	if path == "" {
		path = ":memory:"
	}
	if strings.Contains(err.Error(), "Could not set lock") || strings.Contains(err.Error(), "Conflicting lock") {
		return fmt.Errorf("database %s: %w: %v", path, ErrLocked, err)
	}
	return fmt.Errorf("database %s: %w", path, err)
}

func (s *DB) name() string {
	if s.path == "" {
		return ":memory:"
	}
	return s.path
}

// Path returns the database file's path, "" for a database in memory.
func (s *DB) Path() string { return s.path }

// SQL returns the database handle, for read-only queries the store has no
// method for (the HTTP API's and tests' use).
func (s *DB) SQL() *sql.DB { return s.sql }

// Close closes the database; a second call returns the first's result.
func (s *DB) Close() error {
	s.closeOnce.Do(func() {
		s.closeErr = s.sql.Close()
	})
	return s.closeErr
}

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists schema/NNN_name.sql in order.
func migrations() ([]migration, error) {
	files, err := fs.Glob(schemaFS, "schema/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, f := range files {
		base := path.Base(f)
		num, rest, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must be NNN_name.sql", f)
		}
		b, err := schemaFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: strings.TrimSuffix(rest, ".sql"), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %d (%s): versions must run 1, 2, 3…", m.version, m.name)
		}
	}
	return ms, nil
}

// SchemaVersion is the newest schema this program writes.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

const createVersions = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER NOT NULL,
    name    VARCHAR NOT NULL,
    applied TIMESTAMP NOT NULL DEFAULT current_timestamp
)`

func (s *DB) version(ctx context.Context) (int, error) {
	var n int
	err := s.sql.QueryRowContext(ctx,
		`SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'`).Scan(&n)
	if err != nil || n == 0 {
		return 0, err
	}
	var v sql.NullInt64
	if err := s.sql.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, err
	}
	return int(v.Int64), nil
}

func (s *DB) checkVersion(ctx context.Context) error {
	v, err := s.version(ctx)
	if err != nil {
		return err
	}
	if want := SchemaVersion(); v != want {
		return fmt.Errorf("%w: version %d, this program reads %d (open it for writing once to migrate)", ErrSchema, v, want)
	}
	return nil
}

// migrate applies the migrations the database lacks, each in its own
// transaction with its record in schema_migrations.
func (s *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if _, err := s.sql.ExecContext(ctx, createVersions); err != nil {
		return fmt.Errorf("schema_migrations: %w", err)
	}
	have, err := s.version(ctx)
	if err != nil {
		return err
	}
	if have > len(ms) {
		return fmt.Errorf("%w: version %d is newer than this program's %d", ErrSchema, have, len(ms))
	}
	for _, m := range ms[have:] {
		tx, err := s.sql.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES (?, ?)`, m.version, m.name); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
		s.log.Info("schema migrated", "db", s.name(), "version", m.version, "name", m.name)
	}
	return nil
}
