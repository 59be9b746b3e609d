// Package render turns the handbook model into the site's files: every page
// through the theme's html/template layouts, Markdown bodies through
// goldmark, the files made from the whole handbook (the sitemap, the data
// exports, the search index; see generatedFiles), and the theme's assets
// under fingerprinted names.
// It produces files in memory; writing them is package write's job.
package render
