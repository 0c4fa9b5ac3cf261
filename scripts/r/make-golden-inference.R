# Golden values for design-based inference (Rao-Scott tests, logistic regression, differences).
#
# Writes Tests/FornyeStatisticsTests/Golden/inference/inference.json: a synthetic stratified,
# clustered sample with missing values, and R `survey` results on three designs built from it.
# Run from the repository root: Rscript scripts/r/make-golden-inference.R
suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
})
stopifnot(packageVersion("survey") == "4.1.1")

set.seed(20240611)
dont_know <- 8

# --- data --------------------------------------------------------------------------------------
psus_per_stratum <- c(A = 6, B = 5, C = 7, D = 4)
population_psus <- c(A = 30, B = 25, C = 40, D = 20)
rows <- list()
for (s in names(psus_per_stratum)) {
  for (p in seq_len(psus_per_stratum[[s]])) {
    m <- sample(5:12, 1)
    rows[[length(rows) + 1]] <- data.frame(stratum = s, psu = as.character(p), m = m)
  }
}
frame <- do.call(rbind, lapply(rows, function(r) r[rep(1, r$m), c("stratum", "psu")]))
n <- nrow(frame)
frame$fpc <- population_psus[frame$stratum]
frame$weight <- round(runif(n, 5, 40), 3)
frame$pgroup <- sample(1:3, n, replace = TRUE)
stratum_shift <- c(A = 0, B = 0.4, C = -0.3, D = 0.8)[frame$stratum]
psu_effect <- rnorm(length(unique(paste(frame$stratum, frame$psu))), sd = 0.4)
names(psu_effect) <- unique(paste(frame$stratum, frame$psu))
u <- stratum_shift + psu_effect[paste(frame$stratum, frame$psu)]

frame$a <- ifelse(runif(n) < plogis(u), 1L, sample(2:3, n, replace = TRUE))
frame$b <- ifelse(runif(n) < plogis(-1 + 0.8 * (frame$a == 2) + u), 4L, sample(1:3, n, replace = TRUE))
frame$g <- sample(1:3, n, replace = TRUE, prob = c(0.4, 0.35, 0.25))
frame$x <- round(rnorm(n, 50 + 5 * u, 10), 2)
frame$y <- as.integer(runif(n) < plogis(-3 + 0.05 * frame$x + 0.6 * (frame$a == 3) + u))
# z is not asked in stratum D: a calibrated design keeps D's rows (weight zero) in a subset on z,
# and their calibration residuals still add to the variance.
frame$z <- ifelse(runif(n) < plogis(0.5 * u), 2L, 1L)
frame$z[frame$stratum == "D"] <- NA
frame$a[sample(n, 12)] <- dont_know
frame$a[sample(n, 10)] <- NA
frame$b[sample(n, 9)] <- NA
frame$g[sample(n, 7)] <- NA
frame$x[sample(n, 11)] <- NA
frame$y[sample(n, 8)] <- NA

# Columns as R sees them under each missing policy: "vet ikke" is NA unless it is a category.
substantive <- function(v) ifelse(!is.na(v) & v == dont_know, NA, v)
frame$a_sub <- substantive(frame$a)

make_designs <- function(data) {
  stratified <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, fpc = ~fpc, nest = TRUE, data = data)
  weighted <- svydesign(ids = ~1, weights = ~weight, data = data)
  totals <- data.frame(pgroup = 1:3, Freq = c(2500, 3100, 1900))
  post <- postStratify(stratified, ~pgroup, totals)
  list(stratifiedCluster = stratified, weighted = weighted, postStratified = post)
}
designs <- make_designs(frame)
post_totals <- c(2500, 3100, 1900)

# --- Rao-Scott tests ---------------------------------------------------------------------------
chisq_case <- function(design_name, rows, columns, include_dont_know, statistic) {
  design <- designs[[design_name]]
  row_column <- if (rows == "a" && !include_dont_know) "a_sub" else rows
  formula <- as.formula(paste("~", row_column, "+", columns))
  test <- svychisq(formula, design, statistic = statistic)
  N <- nrow(design$variables)
  table <- svytable(formula, design)
  list(
    design = design_name, rows = rows, columns = columns, includeDontKnow = include_dont_know,
    statistic = statistic,
    value = unname(if (statistic == "F") test$statistic else NA),
    pearson = unname(if (statistic == "Chisq") test$statistic else NA),
    ndf = unname(if (statistic == "F") test$parameter[["ndf"]] else test$parameter[["df"]]),
    ddf = unname(if (statistic == "F") test$parameter[["ddf"]] else NA),
    pValue = unname(test$p.value),
    rowCodes = I(as.integer(rownames(table))), columnCodes = I(as.integer(colnames(table))),
    table = unname(lapply(seq_len(nrow(table)), function(i) I(as.numeric(table[i, ])))),
    rowCount = N
  )
}
chisq <- list()
for (d in names(designs)) {
  for (s in c("F", "Chisq")) chisq[[length(chisq) + 1]] <- chisq_case(d, "a", "b", FALSE, s)
}
chisq[[length(chisq) + 1]] <- chisq_case("stratifiedCluster", "a", "b", TRUE, "F")
chisq[[length(chisq) + 1]] <- chisq_case("stratifiedCluster", "a", "g", FALSE, "F")
for (d in c("stratifiedCluster", "postStratified")) chisq[[length(chisq) + 1]] <- chisq_case(d, "a", "z", FALSE, "F")

# --- logistic regression -----------------------------------------------------------------------
logistic_case <- function(design_name, outcome, events, numeric, factors, include_dont_know, level = 0.95) {
  design <- designs[[design_name]]
  vars <- design$variables
  vars$.outcome <- if (is.null(events)) vars[[outcome]] else as.integer(vars[[outcome]] %in% events)
  vars$.outcome[is.na(vars[[outcome]])] <- NA
  for (f in factors) {
    source <- if (f == "a" && !include_dont_know) "a_sub" else f
    vars[[paste0(".f_", f)]] <- factor(vars[[source]])
  }
  design$variables <- vars
  rhs <- c(numeric, paste0(".f_", factors))
  # glm's default epsilon (1e-8) stops one Newton step short, which leaves the sandwich SEs up to
  # ~1e-6 (relative) from the converged ones; Fornye iterates to convergence, as make-golden.R does.
  model <- svyglm(as.formula(paste(".outcome ~", paste(rhs, collapse = " + "))), design,
                  family = quasibinomial(), control = glm.control(epsilon = 1e-14, maxit = 100))
  stopifnot(model$converged)
  s <- summary(model)$coefficients
  ci <- confint(model, level = level)
  df <- model$df.residual
  # confint.svyglm (Wald) is coef -/+ qt(1 - alpha/2, df.residual) * SE; check that it still is.
  q <- qt(1 - (1 - level) / 2, df)
  stopifnot(isTRUE(all.equal(unname(ci[, 1]), unname(s[, 1] - q * s[, 2]), tolerance = 1e-12)))
  terms <- sub("^\\.f_", "", rownames(s))
  list(
    design = design_name, outcome = outcome, events = if (is.null(events)) NULL else I(events),
    numeric = I(numeric), factors = I(factors),
    includeDontKnow = include_dont_know, level = level,
    terms = I(terms), estimate = I(unname(s[, 1])), standardError = I(unname(s[, 2])), t = I(unname(s[, 3])),
    pValue = I(unname(s[, 4])), degreesOfFreedom = df, lower = I(unname(ci[, 1])), upper = I(unname(ci[, 2])),
    rowsUsed = length(model$y), iterations = model$iter
  )
}
logistic <- list()
for (d in names(designs)) {
  logistic[[length(logistic) + 1]] <- logistic_case(d, "y", NULL, c("x"), c("a", "b"), FALSE)
}
logistic[[length(logistic) + 1]] <- logistic_case("stratifiedCluster", "y", NULL, character(0), c("a"), TRUE, 0.9)
logistic[[length(logistic) + 1]] <- logistic_case("postStratified", "b", c(3, 4), c("x"), c("a", "g"), FALSE)
logistic[[length(logistic) + 1]] <- logistic_case("postStratified", "y", NULL, c("x"), c("z"), FALSE)

# --- differences between domains of one design -------------------------------------------------
domain_case <- function(design_name, variable, category, domain, first, second, level = 0.95) {
  design <- designs[[design_name]]
  column <- if (variable == "a") "a_sub" else variable
  values <- design$variables[[column]]
  by_values <- design$variables[[domain]]
  # A domain mean is a ratio of totals; svycontrast linearises the difference of the two ratios.
  # (svyby(covmat = TRUE) fails on calibrated designs in survey 4.1.1, so it is only a cross-check.)
  y <- if (is.null(category)) values else as.numeric(values == category)
  y[is.na(y)] <- 0
  in_first <- as.numeric(!is.na(by_values) & by_values == first)
  in_second <- as.numeric(!is.na(by_values) & by_values == second)
  design$variables$.y1 <- y * in_first
  design$variables$.n1 <- in_first
  design$variables$.y2 <- y * in_second
  design$variables$.n2 <- in_second
  design$variables$.y <- y
  base <- subset(design, !is.na(values) & !is.na(by_values))
  totals <- svytotal(~.y1 + .n1 + .y2 + .n2, base)
  difference <- svycontrast(totals, quote(.y1 / .n1 - .y2 / .n2))
  means <- svycontrast(totals, list(first = quote(.y1 / .n1), second = quote(.y2 / .n2)))
  if (!survey:::is.calibrated(base)) {
    by <- svyby(~.y, as.formula(paste("~", domain)), base, svymean, covmat = TRUE)
    levels <- as.integer(rownames(by))
    check <- svycontrast(by, as.numeric(levels == first) - as.numeric(levels == second))
    stopifnot(isTRUE(all.equal(c(coef(check), SE(check)), c(coef(difference), SE(difference)),
                               tolerance = 1e-12, check.attributes = FALSE)))
  }
  both <- subset(design, !is.na(values) & by_values %in% c(first, second))
  df <- degf(both)
  estimate <- unname(coef(difference))
  se <- unname(SE(difference))
  q <- qt(1 - (1 - level) / 2, df)
  list(
    design = design_name, variable = variable, category = category, domain = domain,
    first = first, second = second, level = level,
    estimateFirst = unname(coef(means)[1]), estimateSecond = unname(coef(means)[2]),
    standardErrorFirst = unname(SE(means)[1]), standardErrorSecond = unname(SE(means)[2]),
    difference = estimate, standardError = se, degreesOfFreedom = df,
    lower = estimate - q * se, upper = estimate + q * se, pValue = 2 * pt(-abs(estimate / se), df)
  )
}
domains <- list()
for (d in names(designs)) {
  domains[[length(domains) + 1]] <- domain_case(d, "a", 2, "g", 1, 2)
  domains[[length(domains) + 1]] <- domain_case(d, "x", NULL, "g", 1, 3)
}
domains[[length(domains) + 1]] <- domain_case("stratifiedCluster", "b", 4, "g", 3, 1, 0.9)
domains[[length(domains) + 1]] <- domain_case("postStratified", "z", 2, "g", 1, 2)

# --- differences between two independent samples (waves) ---------------------------------------
# Wave 2 is a fresh weighted sample; each wave's share of a = 2 with its degf as svyciprop uses.
wave2 <- data.frame(a = sample(c(1:3, NA), 180, replace = TRUE, prob = c(0.3, 0.4, 0.25, 0.05)),
                    weight = round(runif(180, 3, 25), 3))
wave2_design <- svydesign(ids = ~1, weights = ~weight, data = wave2)
share_cell <- function(design, column) {
  base <- subset(design, !is.na(design$variables[[column]]))
  base$variables$.y <- as.numeric(base$variables[[column]] == 2)
  m <- svymean(~.y, base)
  list(estimate = unname(coef(m)), standardError = as.numeric(SE(m)), degreesOfFreedom = degf(base))
}
wave_case <- function(first, second, level) {
  difference <- first$estimate - second$estimate
  se <- sqrt(first$standardError^2 + second$standardError^2)
  df <- min(first$degreesOfFreedom, second$degreesOfFreedom)
  v1 <- first$standardError^2
  v2 <- second$standardError^2
  welch <- (v1 + v2)^2 / (v1^2 / first$degreesOfFreedom + v2^2 / second$degreesOfFreedom)
  q <- qt(1 - (1 - level) / 2, df)
  qw <- qt(1 - (1 - level) / 2, welch)
  list(
    first = first, second = second, level = level, difference = difference, standardError = se,
    degreesOfFreedom = df, lower = difference - q * se, upper = difference + q * se,
    pValue = 2 * pt(-abs(difference / se), df),
    welchDegreesOfFreedom = welch, welchLower = difference - qw * se, welchUpper = difference + qw * se,
    welchPValue = 2 * pt(-abs(difference / se), welch)
  )
}
wave1_cell <- share_cell(designs$stratifiedCluster, "a_sub")
wave2_cell <- share_cell(wave2_design, "a")
waves <- list(wave_case(wave1_cell, wave2_cell, 0.95), wave_case(wave2_cell, wave1_cell, 0.9))

# --- output ------------------------------------------------------------------------------------
data <- list(
  rowCount = n, stratum = frame$stratum, psu = frame$psu, fpc = unname(frame$fpc), weight = frame$weight,
  pgroup = frame$pgroup, a = frame$a, b = frame$b, g = frame$g, x = frame$x, y = frame$y, z = frame$z
)
post <- designs$postStratified
golden <- list(
  generator = "scripts/r/make-golden-inference.R",
  rVersion = R.version.string, surveyVersion = as.character(packageVersion("survey")),
  dontKnowCode = dont_know, data = data,
  postStratification = list(totals = post_totals, weights = unname(weights(post))),
  chisq = chisq, logistic = logistic, domainDifferences = domains, waveDifferences = waves
)
out <- "Tests/FornyeStatisticsTests/Golden/inference/inference.json"
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE), out)
cat("wrote", out, "\n")
