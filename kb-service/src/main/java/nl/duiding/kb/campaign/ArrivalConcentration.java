package nl.duiding.kb.campaign;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Without history, the one thing that still tells a campaign from a frequent question is when its contacts arrive. A
 * question residents ask anyway comes in like every other contact of the day (the office-hours profile); a campaign
 * starts when someone calls for it and comes in waves. This is the two-sample Kolmogorov–Smirnov test of the group's
 * arrival times against the tenant's other contacts in the same window, on time buckets (binning makes it
 * conservative), with the asymptotic Kolmogorov distribution (Commons Math) and Stephens' small-sample correction.
 */
final class ArrivalConcentration {

    private ArrivalConcentration() {
    }

    /**
     * @param all   contacts of the tenant per time bucket, the group's included
     * @param group the group's contacts in the same buckets
     * @return the p-value of "the group arrives like the tenant's other contacts"; 1 when there is nothing to compare
     */
    static double pValue(long[] all, long[] group) {
        if (all.length != group.length) {
            throw new IllegalArgumentException("buckets differ: " + all.length + " and " + group.length);
        }
        long n = 0;
        long m = 0;
        for (int i = 0; i < all.length; i++) {
            n += group[i];
            m += all[i] - group[i];
        }
        if (n == 0 || m == 0) {
            return 1;
        }
        double d = 0;
        long cumulativeGroup = 0;
        long cumulativeOthers = 0;
        for (int i = 0; i < all.length; i++) {
            cumulativeGroup += group[i];
            cumulativeOthers += all[i] - group[i];
            d = Math.max(d, Math.abs((double) cumulativeGroup / n - (double) cumulativeOthers / m));
        }
        double effective = Math.sqrt((double) n * m / (n + m));
        return kolmogorovTail((effective + 0.12 + 0.11 / effective) * d);
    }

    /** P(K > lambda) for the Kolmogorov distribution, from Commons Math's series for P(K ≤ lambda). */
    static double kolmogorovTail(double lambda) {
        // Below 0.2 the tail is 1 to ten digits, and the alternating series converges slowly there.
        if (lambda < 0.2) {
            return 1;
        }
        return Math.max(0, Math.min(1, 1 - new KolmogorovSmirnovTest().ksSum(lambda, 1e-12, 1000)));
    }
}
