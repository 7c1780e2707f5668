"""Stage 4, building: the docs tree as jobs, how they run (in-process or forked workers), the collector policy, writing the tree."""
