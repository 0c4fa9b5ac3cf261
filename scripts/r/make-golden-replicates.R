# Golden numbers for Fornye's replicate-weight variances from R's survey package:
# as.svrepdesign(type = "JK1", "JKn", "subbootstrap", "bootstrap", "BRR", "Fay"), estimates on
# them, and the same after post-stratifying or raking the replicate design (every replicate is
# re-calibrated, as R's rake/postStratify on a svyrep.design do).
#
# Run from the repository root:  Rscript scripts/r/make-golden-replicates.R
# Writes Tests/FornyeStatisticsTests/Golden/replicates/replicates.json.
#
# Data: the synthetic fixture of make-golden-weighting.R (300 rows, 3 strata of 10 clusters),
# read from its committed golden file. Designs: weights only (JK1, bootstrap); strata and clusters
# (JKn, subbootstrap, and with an fpc JKn); strata of paired clusters, 15 strata of 2 PSUs (BRR,
# Fay). Bootstrap and BRR replicate weights are exported, so Swift uses R's replicates; jackknife
# replicates are deterministic and Swift makes its own. mse = FALSE, R's default.
suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
})
options(survey.lonely.psu = "fail", survey.replicates.mse = FALSE)

base <- fromJSON("Tests/FornyeStatisticsTests/Golden/weighting/weighting.json")
data <- as.data.frame(base$data)
data$fpc <- 40
data$pair <- (data$stratum - 1) * 5 + (data$cluster + 1) %/% 2
margins <- base$margins
pop <- lapply(seq_along(margins$variable), function(i) {
  frame <- data.frame(code = as.integer(names(margins$totals)), Freq = unlist(margins$totals[i, ]))
  frame <- frame[!is.na(frame$Freq), ]
  names(frame)[1] <- margins$variable[i]
  frame
})

designs <- list(
  unclustered = svydesign(ids = ~1, weights = ~weight, data = data),
  clustered = svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight, nest = TRUE, data = data),
  clustered_fpc = svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight, fpc = ~fpc, nest = TRUE,
                            data = data),
  paired = svydesign(ids = ~cluster, strata = ~pair, weights = ~weight, nest = TRUE, data = data)
)

set.seed(20261207)
replicate_designs <- list(
  unclustered_jk1 = list(design = "unclustered", rep = as.svrepdesign(designs$unclustered, type = "JK1")),
  unclustered_bootstrap = list(design = "unclustered",
                               rep = as.svrepdesign(designs$unclustered, type = "bootstrap", replicates = 40)),
  clustered_jkn = list(design = "clustered", rep = as.svrepdesign(designs$clustered, type = "JKn")),
  clustered_fpc_jkn = list(design = "clustered_fpc", rep = as.svrepdesign(designs$clustered_fpc, type = "JKn")),
  clustered_subbootstrap = list(design = "clustered",
                                rep = as.svrepdesign(designs$clustered, type = "subbootstrap", replicates = 40)),
  paired_brr = list(design = "paired", rep = as.svrepdesign(designs$paired, type = "BRR")),
  paired_fay = list(design = "paired", rep = as.svrepdesign(designs$paired, type = "Fay", fay.rho = 0.3))
)

summarise <- function(rep) {
  statistic <- function(value) list(estimate = unname(coef(value)), se = unname(as.numeric(SE(value))))
  by_sector <- svyby(~y, ~sector, rep, svymean)
  share <- svymean(~factor(region), rep)
  list(
    mean_y = statistic(svymean(~y, rep)),
    total_y = statistic(svytotal(~y, rep)),
    mean_b = statistic(svymean(~b, rep)),
    region_shares = statistic(share),
    ratio_y_b = statistic(svyratio(~y, ~b, rep)),
    mean_y_by_sector = list(estimate = unname(coef(by_sector)), se = unname(SE(by_sector))),
    degf = degf(rep)
  )
}

cases <- lapply(replicate_designs, function(entry) {
  rep <- entry$rep
  post <- postStratify(rep, ~region, pop[[1]])
  raked <- rake(rep, list(~region, ~size, ~sector), pop, control = list(maxit = 100, epsilon = 1e-12))
  out <- list(
    design = entry$design,
    type = rep$type,
    scale = rep$scale,
    rscales = unname(rep$rscales),
    mse = rep$mse,
    replicates = ncol(weights(rep, "analysis")),
    plain = summarise(rep),
    post_stratified = summarise(post),
    raked = summarise(raked)
  )
  if (rep$type %in% c("bootstrap", "subbootstrap", "BRR", "Fay")) {
    # Replicate-major analysis weights, so Swift uses these replicates.
    out$replicate_weights <- unname(lapply(seq_len(ncol(weights(rep, "analysis"))),
                                          function(r) weights(rep, "analysis")[, r]))
  }
  out
})

golden <- list(
  generator = "scripts/r/make-golden-replicates.R",
  r_version = R.version.string,
  survey_version = as.character(packageVersion("survey")),
  synthetic = TRUE,
  data = as.list(data[c("stratum", "cluster", "pair", "weight", "fpc", "region", "size", "sector", "y", "b")]),
  margins = margins,
  cases = cases
)
out <- "Tests/FornyeStatisticsTests/Golden/replicates/replicates.json"
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, pretty = FALSE), out)
cat("wrote", out, "\n")
