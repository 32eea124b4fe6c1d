"""Layer 2, the model: answers and their validation, the engine, its advice, the costs, the link codecs.

Pure functions and plain classes over the framework's data, shared by every
edge (the command line, the browser glue, the site build). These modules
import `decision_core.base`, `decision_core.framework` and each other, never
the views or an edge.
"""
