# Golden values for programme evaluation: difference-in-differences, event study with a
# pre-trend test, and balance by entropy balancing (raking calibration) and inverse-probability
# weights.
#
# Writes Tests/FornyeStatisticsTests/Golden/evaluation/evaluation.json: a SYNTHETIC pooled panel
# of four barometer waves (2018, 2020, 2022, 2024) from 60 municipalities in 3 strata; in each
# wave about 80 % of the municipalities answer (so most are seen in several waves) with 2-6 units
# each. Participation is a municipality property that depends on size and region.
# Run from the repository root: Rscript scripts/r/make-golden-evaluation.R
#
# Designs (all on the stacked rows of every wave):
#   linkedStratified   svydesign(ids = ~kommune, strata = ~stratum, weights = ~w, nest = TRUE)
#   linkedUnstratified svydesign(ids = ~kommune, weights = ~w)
#   unlinked           svydesign(ids = ~wave_kommune, strata = ~wave_stratum, weights = ~w, nest = TRUE):
#                      every wave its own strata and PSUs, so the waves are independent samples
# Difference-in-differences: svyglm(y ~ period * group) (period = the two waves as a factor) on
# the two waves' rows with an
# outcome; the interaction coefficient is the DiD, svycontrast gives the groups' changes; t, p and
# the interval use the model's df.residual, as summary.svyglm and confint.svyglm (Wald) do.
# Event study: svyglm(y ~ factor(wave) + group + d_k ...) with d_k = group * (wave == k) for every
# wave but the reference; the pre-trend test is regTermTest(model, ~d_k + ..., method = "Wald").
# Entropy balancing: calibrate(design, ~0 + c_k + c_k:x ..., calfun = "raking") where c_k marks the
# comparison rows of wave k, to the participants' weighted covariate means of that wave times the
# comparison group's weighted count (participants' rows have all-zero columns, so their weights
# stay); checked against calibrate() on the comparison subset of one wave.
# Inverse-probability weights: svyglm(group ~ size + factor(region), family = quasibinomial()) on
# the baseline wave; comparison rows of every wave get w * p / (1 - p).
suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
})
stopifnot(packageVersion("survey") >= "4.1.1")
options(survey.lonely.psu = "fail")

set.seed(20261206)
waves <- c(2018, 2020, 2022, 2024)

# --- synthetic panel -----------------------------------------------------------------------------
kommuner <- data.frame(kommune = sprintf("K%02d", 1:60), stratum = rep(c("A", "B", "C"), c(18, 21, 21)))
kommuner$size <- round(c(A = 7.5, B = 8.8, C = 10)[kommuner$stratum] + rnorm(60, sd = 0.5), 2)
kommuner$region <- sample(1:3, 60, replace = TRUE, prob = c(0.4, 0.35, 0.25))
kommuner$group <- as.integer(runif(60) < plogis(-3 + 0.3 * kommuner$size + 0.4 * (kommuner$region == 3)))
kommuner$effect <- rnorm(60, sd = 0.6)
base_weight <- c(A = 3, B = 6, C = 12)

rows <- list()
for (wave in waves) {
  for (k in seq_len(nrow(kommuner))) {
    if (runif(1) > 0.8) next
    m <- sample(2:6, 1)
    rows[[length(rows) + 1]] <- data.frame(wave = wave, kommune = kommuner$kommune[k], row = k, unit = seq_len(m))
  }
}
panel <- do.call(rbind, rows)
panel <- cbind(panel, kommuner[panel$row, c("stratum", "size", "region", "group", "effect")])
n <- nrow(panel)
panel$w <- round(base_weight[panel$stratum] * runif(n, 0.6, 1.6), 3)
after <- as.integer(panel$wave >= 2022)
trend <- c(`2018` = 0, `2020` = 0.15, `2022` = 0.3, `2024` = 0.4)[as.character(panel$wave)]
eta <- -2.5 + 0.2 * panel$size + trend + 0.3 * panel$group + 0.5 * panel$group * after + panel$effect
panel$y <- as.integer(runif(n) < plogis(eta))
panel$score <- round(50 + 3 * panel$size + 8 * panel$group * after + 10 * panel$effect + rnorm(n, sd = 8), 1)
panel$y[sample(n, 9)] <- NA
panel$score[sample(n, 12)] <- NA
panel$wave_kommune <- paste(panel$wave, panel$kommune)
panel$wave_stratum <- paste(panel$wave, panel$stratum)
rownames(panel) <- NULL

make_designs <- function(data) {
  list(
    linkedStratified = svydesign(ids = ~kommune, strata = ~stratum, weights = ~w, nest = TRUE, data = data),
    linkedUnstratified = svydesign(ids = ~kommune, weights = ~w, data = data),
    unlinked = svydesign(ids = ~wave_kommune, strata = ~wave_stratum, weights = ~w, nest = TRUE, data = data)
  )
}
designs <- make_designs(panel)

contrast_result <- function(estimate, se, df, level = 0.95) {
  estimate <- as.numeric(estimate)
  se <- as.numeric(se)
  q <- qt(1 - (1 - level) / 2, df)
  list(estimate = unname(estimate), standardError = unname(se), degreesOfFreedom = df,
       t = unname(estimate / se), pValue = unname(2 * pt(-abs(estimate / se), df)),
       lower = unname(estimate - q * se), upper = unname(estimate + q * se))
}

# --- difference-in-differences ------------------------------------------------------------------
did_case <- function(design_name, design, outcome, before, after_wave, level = 0.95) {
  # The two waves as a factor (other waves NA), so a calibrated design, whose subsets keep every
  # row with weight zero, gives the same four coefficients.
  design$variables$period <- factor(design$variables$wave, levels = c(before, after_wave))
  used <- subset(design, wave %in% c(before, after_wave) & !is.na(design$variables[[outcome]]))
  model <- svyglm(as.formula(paste(outcome, "~ period * group")), used)
  df <- model$df.residual
  interaction <- paste0("period", after_wave, ":group")
  wave_term <- paste0("period", after_wave)
  did <- svycontrast(model, setNames(1, interaction))
  comparison <- svycontrast(model, setNames(1, wave_term))
  participant <- svycontrast(model, setNames(c(1, 1), c(wave_term, interaction)))
  s <- summary(model)$coefficients
  stopifnot(isTRUE(all.equal(unname(s[interaction, 4]), as.numeric(2 * pt(-abs(coef(did) / SE(did)), df)))))
  ci <- confint(model, level = level)[interaction, ]
  cells <- svyby(as.formula(paste("~", outcome)), ~wave + group, used, svymean, na.rm = TRUE)
  cell <- function(wave, group) {
    index <- which(cells$wave == wave & cells$group == group)
    rows <- used$variables$wave == wave & used$variables$group == group & !is.na(used$variables[[outcome]])
    list(wave = wave, participant = group == 1, estimate = unname(cells[index, outcome]),
         standardError = unname(SE(cells)[index]), rows = sum(rows),
         weightedCount = sum(weights(used)[rows]))
  }
  effect <- contrast_result(coef(did), SE(did), df, level)
  stopifnot(isTRUE(all.equal(c(effect$lower, effect$upper), unname(ci), tolerance = 1e-10)))
  list(
    design = design_name, outcome = outcome, before = before, after = after_wave, level = level,
    participantBefore = cell(before, 1), participantAfter = cell(after_wave, 1),
    comparisonBefore = cell(before, 0), comparisonAfter = cell(after_wave, 0),
    participantChange = contrast_result(coef(participant), SE(participant), df, level),
    comparisonChange = contrast_result(coef(comparison), SE(comparison), df, level),
    effect = effect
  )
}

# --- event study ----------------------------------------------------------------------------------
event_case <- function(design_name, design, outcome, reference, level = 0.95) {
  others <- setdiff(waves, reference)
  for (k in others) design$variables[[paste0("d", k)]] <- design$variables$group * (design$variables$wave == k)
  used <- subset(design, !is.na(design$variables[[outcome]]))
  terms <- paste0("d", others)
  model <- svyglm(as.formula(paste(outcome, "~ factor(wave) + group +", paste(terms, collapse = " + "))), used)
  df <- model$df.residual
  effects <- lapply(others, function(k) {
    term <- paste0("d", k)
    c(list(wave = k), contrast_result(coef(model)[[term]], SE(model)[[term]], df, level))
  })
  pre <- paste0("d", waves[waves < reference])
  pre_trend <- NULL
  if (length(pre) > 0) {
    test <- regTermTest(model, as.formula(paste("~", paste(pre, collapse = " + "))), method = "Wald")
    pre_trend <- list(chiSquared = as.numeric(test$Ftest) * test$df, f = as.numeric(test$Ftest), ndf = test$df, ddf = test$ddf,
                      pValue = as.numeric(test$p))
  }
  list(design = design_name, outcome = outcome, reference = reference, level = level,
       effects = effects, preTrend = pre_trend)
}

did <- list()
events <- list()
for (name in names(designs)) {
  did[[length(did) + 1]] <- did_case(name, designs[[name]], "y", 2020, 2022)
  did[[length(did) + 1]] <- did_case(name, designs[[name]], "score", 2018, 2024, 0.9)
  events[[length(events) + 1]] <- event_case(name, designs[[name]], "y", 2020)
  events[[length(events) + 1]] <- event_case(name, designs[[name]], "score", 2022)
}

# --- balance -------------------------------------------------------------------------------------
# Covariate columns: size (numeric) and a share per region category.
covariate_columns <- function(data) {
  data.frame(size = data$size, region1 = as.numeric(data$region == 1), region2 = as.numeric(data$region == 2),
             region3 = as.numeric(data$region == 3))
}
smd_table <- function(data, weights, base_weights, wave) {
  rows <- data$wave == wave
  x <- covariate_columns(data)[rows, ]
  g <- data$group[rows]
  w <- weights[rows]
  d <- base_weights[rows]
  lapply(names(x), function(column) {
    v <- x[[column]]
    mean_p <- weighted.mean(v[g == 1], w[g == 1])
    mean_c <- weighted.mean(v[g == 0], w[g == 0])
    var_p <- sum(d[g == 1] * (v[g == 1] - weighted.mean(v[g == 1], d[g == 1]))^2) / sum(d[g == 1])
    var_c <- sum(d[g == 0] * (v[g == 0] - weighted.mean(v[g == 0], d[g == 0]))^2) / sum(d[g == 0])
    list(column = column, participantMean = mean_p, comparisonMean = mean_c,
         standardisedDifference = (mean_p - mean_c) / sqrt((var_p + var_c) / 2))
  })
}

# Entropy balancing in every wave at once, on the linked stratified design.
design <- designs$linkedStratified
cal_columns <- c()
population <- c()
for (k in waves) {
  c_k <- as.numeric(panel$wave == k & panel$group == 0)
  p_k <- panel$wave == k & panel$group == 1
  comparison_total <- sum(panel$w * c_k)
  x <- covariate_columns(panel)
  columns <- list(c_k, c_k * x$size, c_k * x$region2, c_k * x$region3)
  names(columns) <- paste0("c", k, c("", "_size", "_region2", "_region3"))
  targets <- c(comparison_total,
               comparison_total * weighted.mean(x$size[p_k], panel$w[p_k]),
               comparison_total * weighted.mean(x$region2[p_k], panel$w[p_k]),
               comparison_total * weighted.mean(x$region3[p_k], panel$w[p_k]))
  for (i in seq_along(columns)) design$variables[[names(columns)[i]]] <- columns[[i]]
  cal_columns <- c(cal_columns, names(columns))
  population <- c(population, setNames(targets, names(columns)))
}
calibrated <- calibrate(design, as.formula(paste("~ 0 +", paste(cal_columns, collapse = " + "))),
                        population = population, calfun = "raking", epsilon = 1e-13, maxit = 100)
entropy_weights <- unname(weights(calibrated))
# The same weights from calibrate() on one wave's comparison subset, as entropy balancing is usually run.
one <- subset(designs$linkedStratified, wave == 2018 & group == 0)
x_one <- covariate_columns(one$variables)
one$variables$region2 <- x_one$region2
one$variables$region3 <- x_one$region3
p_2018 <- panel$wave == 2018 & panel$group == 1
subset_cal <- calibrate(one, ~size + region2 + region3,
                        population = unname(population[c("c2018", "c2018_size", "c2018_region2", "c2018_region3")]),
                        calfun = "raking", epsilon = 1e-13, maxit = 100)
stopifnot(max(abs(as.numeric(weights(subset_cal)) / entropy_weights[panel$wave == 2018 & panel$group == 0] - 1)) < 1e-10)
entropy_did <- did_case("entropyBalanced", calibrated, "y", 2020, 2022)

# Inverse-probability weights from a design-based logistic model on the baseline wave.
baseline <- subset(designs$linkedStratified, wave == 2018)
propensity <- svyglm(group ~ size + factor(region), baseline, family = quasibinomial(),
                     control = glm.control(epsilon = 1e-14, maxit = 100))
linear <- coef(propensity)[1] + coef(propensity)[2] * panel$size +
  coef(propensity)[3] * (panel$region == 2) + coef(propensity)[4] * (panel$region == 3)
p <- plogis(linear)
ipw_weights <- ifelse(panel$group == 1, panel$w, panel$w * p / (1 - p))
ipw_panel <- panel
ipw_panel$w <- ipw_weights
ipw_design <- svydesign(ids = ~kommune, strata = ~stratum, weights = ~w, nest = TRUE, data = ipw_panel)
ipw_did <- did_case("ipw", ipw_design, "y", 2020, 2022)

balance <- list(
  wave = 2018,
  before = smd_table(panel, panel$w, panel$w, 2018),
  entropyBalanced = smd_table(panel, entropy_weights, panel$w, 2018),
  ipw = smd_table(panel, ipw_weights, panel$w, 2018),
  population = as.list(population),
  entropyWeights = entropy_weights,
  entropyDid = entropy_did,
  propensity = list(terms = names(coef(propensity)), estimate = unname(coef(propensity)),
                    standardError = unname(SE(propensity)), degreesOfFreedom = propensity$df.residual),
  ipwWeights = ipw_weights,
  ipwDid = ipw_did
)

# --- output ----------------------------------------------------------------------------------------
golden <- list(
  generator = "scripts/r/make-golden-evaluation.R", synthetic = TRUE,
  rVersion = R.version.string, surveyVersion = as.character(packageVersion("survey")),
  data = list(rowCount = n, wave = panel$wave, kommune = panel$kommune, stratum = panel$stratum,
              weight = panel$w, group = panel$group, size = panel$size, region = panel$region,
              y = panel$y, score = panel$score),
  differenceInDifferences = did, eventStudies = events, balance = balance
)
dir.create("Tests/FornyeStatisticsTests/Golden/evaluation", showWarnings = FALSE)
out <- "Tests/FornyeStatisticsTests/Golden/evaluation/evaluation.json"
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE), out)
cat("wrote", out, "rows", n, "\n")
