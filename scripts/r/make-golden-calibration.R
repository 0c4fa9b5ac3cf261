# Golden numbers for Fornye's calibration beyond raking from R's survey package: linear (GREG),
# raking and logit calibration with bounds (`calibrate(..., calfun =, bounds =)`), calibrate's
# trim = of the g-weights, `trimWeights`, and nonresponse adjustment within weighting classes.
#
# Run from the repository root:  Rscript scripts/r/make-golden-calibration.R
# Writes Tests/FornyeStatisticsTests/Golden/calibration/calibration.json.
#
# Data: the synthetic fixture of make-golden-weighting.R (300 rows, 3 strata of 10 clusters,
# region 1-4, size 1-3, sector 1-2, y, b), read from its committed golden file, plus a numeric
# auxiliary x and a response indicator made here with a fixed seed. Designs: weights only;
# strata and clusters (as the weighting golden); and, new here, strata and clusters with a
# finite population correction (40 clusters per stratum).
#
# Calibration model: intercept, region, size (factors) and x, so columns are
# 1, region2..4, size2..3, x. Variances on a calibrated design use R's calibration residuals
# (svyrecvar's qr.resid on the model matrix for greg_calibration).
suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
})
options(survey.lonely.psu = "fail")

base <- fromJSON("Tests/FornyeStatisticsTests/Golden/weighting/weighting.json")
data <- as.data.frame(base$data)
n <- nrow(data)
set.seed(20261207)
# A size measure correlated with y (what makes GREG pay off), and response that depends on sector
# and region (so weighting classes matter).
data$x <- round(5 + 0.8 * data$y + rnorm(n, sd = 1.5), 3)
data$responded <- as.integer(runif(n) < plogis(0.9 - 0.6 * (data$sector == 2) + 0.15 * data$region))
data$fpc <- 40
# Weighting classes for the nonresponse adjustment: sector × size (6 classes).
data$class <- (data$sector - 1) * 3 + data$size

# Each design from its sampling weights, so the nonresponse case can rebuild it with other weights.
make_design <- list(
  unclustered = function(weights) svydesign(ids = ~1, weights = weights, data = data),
  clustered = function(weights) svydesign(ids = ~cluster, strata = ~stratum, weights = weights, nest = TRUE,
                                          data = data),
  clustered_fpc = function(weights) svydesign(ids = ~cluster, strata = ~stratum, weights = weights, fpc = ~fpc,
                                              nest = TRUE, data = data)
)

formula <- ~factor(region) + factor(size) + x
# Population totals chosen so that the bounds below bind on some rows at both ends.
population <- c(9000, 3500, 2100, 1000, 2900, 1600, 141000)
column_names <- c("intercept", "region2", "region3", "region4", "size2", "size3", "x")

summarise <- function(design, extra = list()) {
  statistic <- function(value) list(estimate = unname(coef(value)), se = unname(as.numeric(SE(value))))
  by_sector <- svyby(~y, ~sector, design, svymean)
  c(list(
    weights = unname(weights(design)),
    mean_y = statistic(svymean(~y, design)),
    total_y = statistic(svytotal(~y, design)),
    mean_b = statistic(svymean(~b, design)),
    total_b = statistic(svytotal(~b, design)),
    mean_y_by_sector = list(estimate = unname(coef(by_sector)), se = unname(SE(by_sector)))
  ), extra)
}

cases <- function(make) {
  design <- make(~weight)
  g_range <- function(calibrated) range(weights(calibrated) / weights(design))
  cal <- function(...) calibrate(design, formula, population, ...)
  linear <- cal(calfun = "linear")
  linear_bounded <- cal(calfun = "linear", bounds = c(0.85, 1.4), maxit = 100, epsilon = 1e-12)
  raking <- cal(calfun = "raking", maxit = 100, epsilon = 1e-12)
  raking_bounded <- cal(calfun = "raking", bounds = c(0.85, 1.4), maxit = 100, epsilon = 1e-12)
  logit <- cal(calfun = "logit", bounds = c(0.8, 1.5), maxit = 100, epsilon = 1e-12)
  # (R ignores trim = for unbounded linear calibration, which it hands to regcalibrate; raking applies it.)
  raking_trimmed <- suppressMessages(cal(calfun = "raking", trim = c(0.9, 1.3), maxit = 100, epsilon = 1e-12))
  w <- weights(design)
  upper <- unname(quantile(w, 0.9))
  lower <- unname(quantile(w, 0.1))
  trimmed <- trimWeights(design, upper = upper, lower = lower)
  trimmed_strict <- trimWeights(design, upper = upper, lower = lower, strict = TRUE)
  # Nonresponse adjustment within classes: respondents' weights scaled up to the class's full-sample
  # weighted count; nonrespondents keep their rows with weight 0 (R: weights w * responded, then
  # postStratify to the classes' full-sample totals).
  class_totals <- aggregate(w, list(class = data$class), sum)
  names(class_totals)[2] <- "Freq"
  responding <- make(~I(weight * responded))
  nonresponse <- postStratify(responding, ~class, class_totals)
  list(
    linear = summarise(linear, list(g_range = g_range(linear))),
    linear_bounded = summarise(linear_bounded, list(g_range = g_range(linear_bounded))),
    raking = summarise(raking, list(g_range = g_range(raking))),
    raking_bounded = summarise(raking_bounded, list(g_range = g_range(raking_bounded))),
    logit = summarise(logit, list(g_range = g_range(logit))),
    raking_trimmed = summarise(raking_trimmed, list(g_range = g_range(raking_trimmed))),
    trim_weights = summarise(trimmed, list(lower = lower, upper = upper)),
    trim_weights_strict = summarise(trimmed_strict, list(lower = lower, upper = upper)),
    nonresponse = summarise(nonresponse, list(class_totals = class_totals$Freq))
  )
}

golden <- list(
  generator = "scripts/r/make-golden-calibration.R",
  r_version = R.version.string,
  survey_version = as.character(packageVersion("survey")),
  synthetic = TRUE,
  data = as.list(data[c("stratum", "cluster", "weight", "fpc", "region", "size", "sector", "y", "b", "x",
                        "responded", "class")]),
  columns = column_names,
  population = population,
  bounds = list(linear_bounded = c(0.85, 1.4), raking_bounded = c(0.85, 1.4), logit = c(0.8, 1.5),
                raking_trimmed = c(0.9, 1.3)),
  designs = lapply(make_design, cases)
)
out <- "Tests/FornyeStatisticsTests/Golden/calibration/calibration.json"
dir.create(dirname(out), recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, pretty = FALSE), out)
cat("wrote", out, "\n")
