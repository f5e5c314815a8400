// Package ingest is the first stage of worldmedia: it reads news inputs and
// turns each story into an [article.Article].
//
// It reads plain-text files (a site-name line and a title may head the
// body), HTML pages (main text extracted with trafilatura, without
// navigation, ads, related links or comments), JSON Lines files in the
// format of CONTRACT.md, RSS and Atom feeds (optionally downloading each
// item's page), directories of such files, standard input and http(s)
// URLs. The format is found from the Content-Type, the extension and the
// first bytes.
//
// It writes the article's ID, URL, Source, Title, Date, Language, Text,
// Input and Warnings, and nothing else. Text is the body only: site name
// and title are never part of it; paragraphs are separated by a blank line.
// The ID is the input's id, else the URL or feed item GUID/link, else
// [article.ContentID] of the title and text.
//
// Inputs are untrusted. A bad input or record (binary data, an empty file,
// a file over the size cap, a page with no main text, a broken feed, a
// malformed JSON line, an unreachable URL) is one *[RecordError] naming it
// and wrapping one of the package's sentinel errors, and the batch goes on.
// Invalid UTF-8 is repaired and noted in the article's Warnings.
//
// Downloads go through a [Fetcher], which honours robots.txt, spaces
// requests to a host, caps sizes, redirects and time, and polls with
// conditional requests.
package ingest
