"""Layer 0, the foundations: errors, the one formatter, lookups by id and query strings.

Every other layer may use these modules; they import nothing else of the
package. They hold no knowledge of the framework: `errors` names what went
wrong, `format` writes numbers, money and answers (and reads typed numbers),
`lookup` finds an item of a table by its id, `query` reads and writes query
strings without `urllib`.
"""
