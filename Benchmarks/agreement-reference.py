"""The Python reference for Benchmarks/agreement.sh: the same CSV of ratings (file,rater,rating)
read with pandas, Krippendorff's alpha (nominal, ordinal, interval) with `krippendorff`, and
with statsmodels Cohen's kappa (unweighted, linear, quadratic) when there are two raters and
Fleiss' kappa over the files every rater rated."""
import sys

import krippendorff
import numpy as np
import pandas as pd
from statsmodels.stats.inter_rater import aggregate_raters, cohens_kappa, fleiss_kappa

ratings = pd.read_csv(sys.argv[1], dtype=str)
categories = sys.argv[2].split(",")
q = len(categories)
ratings["code"] = ratings["rating"].map({c: i for i, c in enumerate(categories)})
wide = ratings.pivot(index="file", columns="rater", values="code")
reliability = wide.to_numpy(dtype=float).T
for level in ("nominal", "ordinal", "interval"):
    alpha = krippendorff.alpha(reliability_data=reliability, level_of_measurement=level, value_domain=list(range(q)))
    print(f"alpha {level} {alpha:.7f}")
complete = wide.dropna().astype(int)
if wide.shape[1] == 2:
    table = pd.crosstab(complete.iloc[:, 0], complete.iloc[:, 1]).reindex(
        index=range(q), columns=range(q), fill_value=0).to_numpy()
    for weights in (None, "linear", "quadratic"):
        result = cohens_kappa(table, wt=weights)
        print(f"kappa {weights or 'unweighted'} {result.kappa:.7f} se {result.std_kappa:.7f}")
counts, _ = aggregate_raters(complete.to_numpy(), n_cat=q)
print(f"fleiss {fleiss_kappa(counts):.7f}")
