# Reference values for the score-only IT, from R's pROC (1.18): ROC AUC and DeLong variance of each
# marker, the 95% interval Touchstone reports (the envelope of DeLong's and Newcombe's method 5, see
# framework/.../stats/internal/AucIntervals.java), and the paired DeLong test of marker_b against
# marker_b (H1: marker_a worse, as isNotSignificantlyWorseThan tests it). Run from this IT's directory:
#     Rscript reference/proc_reference.R > reference/proc_reference.properties
suppressMessages(library(pROC))
d <- read.csv("src/test/resources/biomarkers.csv")
y <- factor(d$outcome, levels = c("good", "poor"))
z <- qnorm(0.975)
m <- sum(y == "poor"); n <- sum(y == "good")

# Newcombe (2006) method 5: (A - t)^2 = z^2 V(t), V the Hanley-McNeil variance at N* = (m + n) / 2
newcombe <- function(a) {
  ns <- (m + n) / 2
  v <- function(t) t * (1 - t) * (1 + (ns - 1) * ((1 - t) / (2 - t) + t / (1 + t))) / (m * n)
  f <- function(t) (a - t)^2 - z^2 * v(t)
  c(uniroot(f, c(0, a), tol = 1e-15)$root, uniroot(f, c(a, 1), tol = 1e-15)$root)
}

out <- function(key, value) cat(sprintf("%s=%.15g\n", key, value))
cat(sprintf("# pROC %s, R %s, n = %d (%d poor, %d good)\n", packageVersion("pROC"),
            paste(R.version$major, R.version$minor, sep = "."), nrow(d), m, n))
rocs <- list()
for (marker in c("marker_a", "marker_b")) {
  r <- roc(y, d[[marker]], levels = c("good", "poor"), direction = "<", quiet = TRUE)
  rocs[[marker]] <- r
  a <- as.numeric(auc(r))
  v <- var(r, method = "delong")
  ci <- ci.auc(r, conf.level = 0.95, method = "delong")
  nc <- newcombe(a)
  out(paste0(marker, ".auc"), a)
  out(paste0(marker, ".delong.variance"), v)
  out(paste0(marker, ".delong.low"), ci[1])
  out(paste0(marker, ".delong.high"), ci[3])
  out(paste0(marker, ".newcombe.low"), nc[1])
  out(paste0(marker, ".newcombe.high"), nc[2])
  out(paste0(marker, ".envelope.low"), min(nc[1], max(0, ci[1])))
  out(paste0(marker, ".envelope.high"), max(nc[2], min(1, ci[3])))
}
t <- roc.test(rocs$marker_a, rocs$marker_b, method = "delong", paired = TRUE, alternative = "less")
out("paired.difference", as.numeric(auc(rocs$marker_a)) - as.numeric(auc(rocs$marker_b)))
out("paired.z", t$statistic)
out("paired.p.less", t$p.value)
t2 <- roc.test(rocs$marker_a, rocs$marker_b, method = "delong", paired = TRUE)
out("paired.p.two.sided", t2$p.value)
