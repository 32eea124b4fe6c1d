"""Layer 0, the foundations: errors, the one formatter and query strings.

Every other layer may use these modules; they import nothing else of the
package. They hold no knowledge of the framework: `errors` names what went
wrong, `format` writes numbers, money and answers (and reads typed numbers),
`query` reads and writes query strings without `urllib`.
"""
