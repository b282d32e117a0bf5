package nl.duiding.kb.report;

import org.apache.commons.math3.special.Beta;

/**
 * Is a count unusually high for this tenant? A Bayesian rate with a prior, so that it behaves with little history.
 *
 * <p>The contacts in a slot (a narrative on a weekday, or an hour of that weekday) are Poisson with an unknown rate
 * λ. The prior on λ is Gamma(a₀ = m₀·w₀, b₀ = w₀): a prior mean of m₀ contacts per slot, worth w₀ weeks of
 * history. After n past weeks with counts summing to S the posterior is Gamma(a₀ + S, b₀ + n), and today's count
 * is, before we see it, negative binomial with r = a₀ + S and p = (b₀ + n)/(b₀ + n + 1). The p-value of a count k
 * is the upper tail P(X ≥ k) = I₁₋ₚ(k, r) (regularised incomplete beta). With no history the predictive
 * distribution is wide (r = a₀ is small), so only large counts are unusual on a cold start; every week of history
 * narrows it.
 *
 * @param priorMean   m₀, expected contacts per slot before any history
 * @param priorWeeks  w₀, how many weeks of history the prior is worth
 */
record RateBaseline(double priorMean, double priorWeeks) {

    /** The verdict for a count against past weeks' counts of the same slot. */
    record Verdict(long count, double expected, double pValue, int weeks) {

        boolean unusual(double alpha, long minCount) {
            return count >= minCount && pValue < alpha;
        }
    }

    Verdict test(long count, long[] history) {
        double shape = priorMean * priorWeeks;
        for (long h : history) {
            shape += h;
        }
        double rate = priorWeeks + history.length;
        double expected = shape / rate;
        double pValue = count <= 0 ? 1.0 : Beta.regularizedBeta(1.0 / (rate + 1.0), count, shape);
        return new Verdict(count, expected, pValue, history.length);
    }
}
