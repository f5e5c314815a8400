package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"reflect"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// checkTableFormat validates a --format of the query commands.
func checkTableFormat(f string) error {
	switch f {
	case "table", "csv", "json":
		return nil
	}
	return fmt.Errorf("-format %q: want table, csv or json", f)
}

// writeRows prints rows (a slice of structs with json tags) as an aligned
// table, CSV with a header, or a JSON array; columns are the json names.
// In a table, cells longer than maxCell runes are cut with "…".
func writeRows(w io.Writer, format string, rows any, maxCell int) error {
	v := reflect.ValueOf(rows)
	if format == "json" {
		if v.Kind() == reflect.Slice && v.Len() == 0 {
			_, err := io.WriteString(w, "[]\n")
			return err
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	t := v.Type().Elem()
	var names []string
	var fields []int
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		names = append(names, name)
		fields = append(fields, i)
	}
	cells := func(r reflect.Value) []string {
		out := make([]string, len(fields))
		for j, i := range fields {
			out[j] = cell(r.Field(i))
		}
		return out
	}
	if format == "csv" {
		cw := csv.NewWriter(w)
		cw.Write(names)
		for i := range v.Len() {
			cw.Write(cells(v.Index(i)))
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(names, "\t")))
	for i := range v.Len() {
		cs := cells(v.Index(i))
		for j, c := range cs {
			if f, ok := fields[j], true; ok && isFloat(v.Index(i).Field(f)) {
				c = roundCell(c)
			}
			c = strings.Join(strings.Fields(c), " ")
			if maxCell > 0 && utf8.RuneCountInString(c) > maxCell {
				c = string([]rune(c)[:maxCell-1]) + "…"
			}
			cs[j] = c
		}
		fmt.Fprintln(tw, strings.Join(cs, "\t"))
	}
	return tw.Flush()
}

// cell formats one value for a table or CSV.
func cell(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		return cell(v.Elem())
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	case reflect.String:
		return v.String()
	}
	return fmt.Sprint(v.Interface())
}

func isFloat(v reflect.Value) bool {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return false
		}
		v = v.Elem()
	}
	return v.Kind() == reflect.Float64 || v.Kind() == reflect.Float32
}

// roundCell shows a float cell with at most three decimals in a table
// (CSV and JSON keep every digit).
func roundCell(c string) string {
	f, err := strconv.ParseFloat(c, 64)
	if err != nil {
		return c
	}
	return strconv.FormatFloat(math.Round(f*1000)/1000, 'f', -1, 64)
}

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }

// writeFile creates path and writes it with f, buffered.
func writeFile(path string, f func(io.Writer) error) error {
	file, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(file, 1<<20)
	err = f(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
