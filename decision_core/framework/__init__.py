"""Layer 1, the framework as data: questions, rules, thresholds, sections and cost inputs.

Declarations only, each figure with its source and date: the model reads
them, the pages are generated from them. These modules import only
`decision_core.base` and each other, never the model, the views or an edge.
"""
