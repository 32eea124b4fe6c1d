"""Layer 3, the views: the HTML that the build writes into the pages and the browser writes again.

The quiz (`quiz`), the calculator (`calculator`) and its chart (`chart`),
each escaped through `html`. These modules import the layers below, never
an edge.
"""
