package nl.duiding.kb.matching;

import java.util.List;

/**
 * Fits a ridge-regularised logistic regression by Newton's method on standardised inputs. Small (a dozen inputs,
 * tens of thousands of samples) and deterministic, so a calibration can be reproduced exactly.
 */
final class LogisticRegression {

    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-8;

    private LogisticRegression() {
    }

    record Sample(double[] x, boolean positive) {
    }

    record Model(double[] mean, double[] scale, double[] weights, double bias, int iterations) {
    }

    static Model fit(List<Sample> samples, double ridge) {
        int n = samples.getFirst().x().length;
        double[] mean = new double[n];
        double[] scale = new double[n];
        for (Sample s : samples) {
            for (int j = 0; j < n; j++) {
                mean[j] += s.x()[j] / samples.size();
            }
        }
        for (Sample s : samples) {
            for (int j = 0; j < n; j++) {
                scale[j] += Math.pow(s.x()[j] - mean[j], 2) / samples.size();
            }
        }
        for (int j = 0; j < n; j++) {
            scale[j] = Math.sqrt(scale[j]);
            if (scale[j] < 1e-9) {
                scale[j] = 1; // a constant input carries no information; keep it harmless
            }
        }
        // beta[0] is the bias, beta[1..n] the weights of the standardised inputs.
        double[] beta = new double[n + 1];
        int iteration = 0;
        for (; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[n + 1];
            double[][] hessian = new double[n + 1][n + 1];
            for (Sample s : samples) {
                double[] z = standardised(s.x(), mean, scale);
                double p = sigmoid(dot(beta, z));
                double error = (s.positive() ? 1 : 0) - p;
                double w = p * (1 - p);
                for (int a = 0; a <= n; a++) {
                    gradient[a] += error * z[a];
                    for (int b = 0; b <= n; b++) {
                        hessian[a][b] += w * z[a] * z[b];
                    }
                }
            }
            for (int a = 1; a <= n; a++) {
                gradient[a] -= ridge * beta[a];
                hessian[a][a] += ridge;
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a <= n; a++) {
                beta[a] += step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        double[] weights = new double[n];
        System.arraycopy(beta, 1, weights, 0, n);
        return new Model(mean, scale, weights, beta[0], iteration + 1);
    }

    /** A fitted model's probability for the raw inputs {@code x} (standardised here, as in fitting). */
    static double probability(double[] x, double[] mean, double[] scale, double[] weights, double bias) {
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * (x[i] - mean[i]) / scale[i];
        }
        return sigmoid(z);
    }

    /** {@code [1, (x - mean) / scale]}: the bias input first. */
    private static double[] standardised(double[] x, double[] mean, double[] scale) {
        double[] z = new double[x.length + 1];
        z[0] = 1;
        for (int j = 0; j < x.length; j++) {
            z[j + 1] = (x[j] - mean[j]) / scale[j];
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Gaussian elimination with partial pivoting; the Hessian plus ridge is positive definite. */
    private static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] a = new double[n][];
        double[] b = vector.clone();
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] rowSwap = a[col];
            a[col] = a[pivot];
            a[pivot] = rowSwap;
            double valueSwap = b[col];
            b[col] = b[pivot];
            b[pivot] = valueSwap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                b[row] -= factor * b[col];
                for (int k = col; k < n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = b[row];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }
}
