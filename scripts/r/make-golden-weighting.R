# Golden numbers for Fornye's weighting (post-stratification and raking) from R's survey package.
#
# Run from the repository root:  Rscript scripts/r/make-golden-weighting.R
# Writes Tests/FornyeStatisticsTests/Golden/weighting/weighting.json.
#
# The fixture has 300 rows in 3 strata with 10 clusters each, unequal weights and three coded
# margin variables (region 1-4, size 1-3, sector 1-2). For two designs (weights only; strata and
# clusters) it post-stratifies on region and rakes on region, size and sector, and records the
# final weights and svymean/svytotal with their standard errors on the calibrated designs.
suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
})
options(survey.lonely.psu = "fail")

set.seed(20240517)
n_strata <- 3
clusters_per_stratum <- 10
rows_per_cluster <- 10
n <- n_strata * clusters_per_stratum * rows_per_cluster

stratum <- rep(seq_len(n_strata), each = clusters_per_stratum * rows_per_cluster)
cluster <- rep(seq_len(clusters_per_stratum), each = rows_per_cluster, times = n_strata)
# Unequal weights: a stratum factor times a row-level spread.
weight <- c(12, 20, 35)[stratum] * runif(n, 0.6, 1.6)
region <- sample(1:4, n, replace = TRUE, prob = c(0.4, 0.3, 0.2, 0.1))
size <- sample(1:3, n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
# Sector depends on size, so the margins interact and raking needs several sweeps.
sector <- ifelse(runif(n) < c(0.3, 0.5, 0.8)[size], 2L, 1L)
y <- round(10 + 2 * region - 1.5 * size + 3 * (sector == 2) + rnorm(n, sd = 2), 3)
b <- as.integer(runif(n) < plogis(-1 + 0.4 * region - 0.3 * size))

data <- data.frame(stratum, cluster, weight, region, size, sector, y, b)

# Population margins; every margin sums to the same grand total.
population_total <- 9000
pop_region <- data.frame(region = 1:4, Freq = c(2700, 2250, 2250, 1800))
pop_size <- data.frame(size = 1:3, Freq = c(3600, 3150, 2250))
pop_sector <- data.frame(sector = 1:2, Freq = c(5400, 3600))
stopifnot(sum(pop_region$Freq) == population_total, sum(pop_size$Freq) == population_total,
          sum(pop_sector$Freq) == population_total)

designs <- list(
  unclustered = svydesign(ids = ~1, weights = ~weight, data = data),
  clustered = svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight, nest = TRUE, data = data)
)

summarise <- function(design) {
  statistic <- function(value) list(estimate = unname(coef(value)), se = unname(as.numeric(SE(value))))
  list(
    weights = unname(weights(design)),
    mean_y = statistic(svymean(~y, design)),
    total_y = statistic(svytotal(~y, design)),
    mean_b = statistic(svymean(~b, design)),
    total_b = statistic(svytotal(~b, design))
  )
}

results <- lapply(designs, function(design) {
  post <- postStratify(design, ~region, pop_region)
  raked <- rake(design, list(~region, ~size, ~sector), list(pop_region, pop_size, pop_sector),
                control = list(maxit = 100, epsilon = 1e-12))
  list(uncalibrated = summarise(design), post_stratified = summarise(post), raked = summarise(raked))
})

margin <- function(name, frame) list(variable = name, totals = setNames(as.list(frame$Freq), frame[[name]]))
golden <- list(
  generator = "scripts/r/make-golden-weighting.R",
  r_version = R.version.string,
  survey_version = as.character(packageVersion("survey")),
  data = as.list(data),
  margins = list(margin("region", pop_region), margin("size", pop_size), margin("sector", pop_sector)),
  designs = results
)
out <- "Tests/FornyeStatisticsTests/Golden/weighting/weighting.json"
dir.create(dirname(out), recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, pretty = FALSE), out)
cat("wrote", out, "\n")
